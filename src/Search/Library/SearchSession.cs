using Microsoft.Extensions.Options;
using VideoSearch.Core.Hub;
using VideoSearch.Core.Inference;
using VideoSearch.Search.Labels;
using VideoSearch.Search.Ranking;
using VideoSearch.Search.Text;

namespace VideoSearch.Search.Library;

/// <summary>
/// Everything one command-line search needs, opened together: the library, its model and the services over them.
/// (A long-running host registers the same parts in its container instead; see <c>AddVideoSearchSearch</c>.)
/// </summary>
public sealed class SearchSession : IDisposable
{
    private readonly bool _ownsInference;

    private SearchSession(SearchLibrary library, XClipInference inference, bool ownsInference, SearchOptions options)
    {
        _ownsInference = ownsInference;
        Library = library;
        Inference = inference;
        var encoder = new QueryEncoder(inference, new TextFeatureCache(options.TextCacheSize));
        Search = new SearchService(encoder, library.Index, new ClipReranker(inference, library.Reader), library.Reader,
            Options.Create(options));
        Labels = new LabelClassifier(inference, encoder, library.Reader);
    }

    /// <summary>The opened library.</summary>
    public SearchLibrary Library { get; }

    /// <summary>The library's model.</summary>
    public XClipInference Inference { get; }

    /// <summary>Text and example search over the library.</summary>
    public SearchService Search { get; }

    /// <summary>Zero-shot labels for indexed clips and videos.</summary>
    public LabelClassifier Labels { get; }

    /// <summary>
    /// Opens the library in <paramref name="directory"/> and loads its model (or <paramref name="model"/>, which must be
    /// the same), from <paramref name="models"/> when given: a host that reopens sessions as its library grows, or
    /// also indexes, then keeps one copy of the model.
    /// </summary>
    /// <exception cref="LibraryNotFoundException">No library there, or it is empty.</exception>
    /// <exception cref="ModelMismatchException"><paramref name="model"/> is not the library's model.</exception>
    public static async Task<SearchSession> OpenAsync(string directory, string? model, SearchOptions options,
        ModelLocator locator, Action<string>? notice, CancellationToken cancellationToken, XClipInferenceCache? models = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        var library = await SearchLibrary.OpenAsync(directory, options.EfSearch, notice, cancellationToken).ConfigureAwait(false);
        try
        {
            string folder = await LibraryModel.ResolveAsync(library.Model, model, locator, cancellationToken).ConfigureAwait(false);
            var inference = models?.GetOrLoad(folder, library.Model.ModelId) ?? XClipInference.Load(folder, library.Model.ModelId);
            if (inference.ProjectionDim != library.Model.EmbeddingDim || inference.ContextPatches != library.Model.ContextPatches)
            {
                if (models is null) inference.Dispose();
                throw new ModelMismatchException(
                    $"The model in '{folder}' makes {inference.ProjectionDim}-dimensional vectors with {inference.ContextPatches} context rows; " +
                    $"the library holds {library.Model.EmbeddingDim} and {library.Model.ContextPatches}.");
            }
            return new SearchSession(library, inference, ownsInference: models is null, options);
        }
        catch
        {
            library.Dispose();
            throw;
        }
    }

    /// <summary>Releases the library and the model, unless the model came from a shared cache.</summary>
    public void Dispose()
    {
        if (_ownsInference) Inference.Dispose();
        Library.Dispose();
    }
}
