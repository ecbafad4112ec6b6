using System.Text.RegularExpressions;
using VideoSearch.Core.Media;

namespace VideoSearch.Core.Tests.Media;

public class SelectTreeTests
{
    [Fact]
    public void Build_ThreeTimes_BalancedTreeOverTheFirstTimeAbovePrevT() =>
        Assert.Equal(
            "st(0,if(isnan(prev_t),-1,prev_t));" +
            "if(lt(ld(0),0.5),if(lt(ld(0),0),gte(t,0),gte(t,0.5)),if(lt(ld(0),1.25),gte(t,1.25),0))",
            SelectTree.Build([0.0, 0.5, 1.25]));

    [Fact]
    public void Build_TwoHourPlan_LogarithmicDepthAndLongerThanOneArgumentMayBe()
    {
        var times = ClipPlanner.Plan(7200, ClipPlanOptions.ForModel(8)).SelectMany(c => c.FrameTimestamps).Distinct().Order().ToArray();

        string tree = SelectTree.Build(times);

        Assert.InRange(times.Length, 14_000, 15_000);
        Assert.Equal(times.Length, Regex.Count(tree, "gte\\(t,"));
        Assert.Equal(14, SelectTree.Depth(times.Length));
        Assert.Equal(SelectTree.Depth(times.Length), new TreeWalker(tree, 0, 0).Depth());
        // Far past Linux's 128 KiB per-argument limit, hence the filter script file.
        Assert.True(tree.Length > 128 * 1024, $"{tree.Length} characters");
    }

    [Fact]
    public void Build_EvaluatedOnEveryFramePair_SameFramesAsTheLinearExpression()
    {
        double[] times = [0.0, 0.25, 0.5, 0.75, 1.25, 2.0, 2.04, 3.5];
        string tree = SelectTree.Build(times);
        double[] frames = Enumerable.Range(0, 100).Select(i => i * 0.04).ToArray();

        for (int i = 0; i < frames.Length; i++)
        {
            double prevT = i == 0 ? -1 : frames[i - 1];
            bool linear = times.Any(r => prevT < r && r <= frames[i]);
            Assert.True(linear == new TreeWalker(tree, prevT, frames[i]).Evaluate(), $"frame at {frames[i]}");
        }
    }

    /// <summary>
    /// Evaluates the text the tree is made of (<c>st(0,...);</c>, <c>if(lt(ld(0),R),A,B)</c>, <c>gte(t,R)</c>,
    /// <c>0</c>) as ffmpeg's expression evaluator would, for one frame.
    /// </summary>
    private sealed class TreeWalker(string text, double prevT, double t)
    {
        private int _at;

        public bool Evaluate()
        {
            Skip("st(0,if(isnan(prev_t),-1,prev_t));");
            return Node(depth: 0, out _) != 0;
        }

        public int Depth()
        {
            Skip("st(0,if(isnan(prev_t),-1,prev_t));");
            Node(0, out int depth);
            return depth;
        }

        private double Node(int depth, out int maxDepth)
        {
            maxDepth = depth;
            if (TrySkip("if(lt(ld(0),"))
            {
                double r = Number();
                Skip("),");
                double yes = Node(depth + 1, out int left);
                Skip(",");
                double no = Node(depth + 1, out int right);
                Skip(")");
                maxDepth = Math.Max(left, right);
                return prevT < r ? yes : no;
            }
            if (TrySkip("gte(t,"))
            {
                double r = Number();
                Skip(")");
                return t >= r ? 1 : 0;
            }
            Skip("0");
            return 0;
        }

        private double Number()
        {
            int start = _at;
            while (_at < text.Length && (char.IsDigit(text[_at]) || text[_at] == '.')) _at++;
            return double.Parse(text[start.._at], System.Globalization.CultureInfo.InvariantCulture);
        }

        private bool TrySkip(string token)
        {
            if (string.CompareOrdinal(text, _at, token, 0, token.Length) != 0) return false;
            _at += token.Length;
            return true;
        }

        private void Skip(string token) => Assert.True(TrySkip(token), $"expected '{token}' at {_at}: {text[_at..Math.Min(text.Length, _at + 40)]}");
    }
}
