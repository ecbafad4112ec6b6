// Hand-written: no available package edits ELF version-requirement flags. See LibStdCxxCompat.targets for why.
// Compiled by MSBuild's RoslynCodeTaskFactory against netstandard2.0, hence the older APIs.
#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class MarkMissingLibStdCxxVersionsWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string WeakVersions { get; set; } = "";

    public override bool Execute()
    {
        string[] candidates = WeakVersions.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Trim()).ToArray();
        string? systemLib = FindSystemLibStdCxx();
        if (systemLib == null)
        {
            Log.LogMessage(MessageImportance.Normal, "libstdc++.so.6 not found on this system; TorchSharp native library left as shipped.");
            return true;
        }
        byte[] systemBytes = File.ReadAllBytes(systemLib);
        string[] missing = candidates.Where(v => IndexOf(systemBytes, Encoding.ASCII.GetBytes(v + "\0")) < 0).ToArray();
        if (missing.Length == 0)
        {
            Log.LogMessage(MessageImportance.Low, $"{systemLib} provides {string.Join(", ", candidates)}; nothing to patch.");
            return true;
        }
        foreach (ITaskItem item in Libraries)
        {
            string path = item.GetMetadata("FullPath");
            try
            {
                byte[] elf = File.ReadAllBytes(path);
                int changed = MarkWeak(elf, missing);
                if (changed == 0) continue;
                // Write a new file and move it over the output copy: never write through a (hard) link to the cache.
                string temp = path + ".weak.tmp";
                File.WriteAllBytes(temp, elf);
                File.Delete(path); // removes only this directory entry, never the cache file a hard link may share
                File.Move(temp, path);
                Log.LogMessage(MessageImportance.Normal, $"Marked {string.Join(", ", missing)} weak in {path} (system libstdc++ lacks it).");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Log.LogError($"Could not patch {path}: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>Sets VER_FLG_WEAK on each version-needed entry whose name is in <paramref name="names"/>; returns how many changed.</summary>
    private static int MarkWeak(byte[] elf, string[] names)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF is supported");
        ulong shoff = BitConverter.ToUInt64(elf, 0x28);
        ushort shentsize = BitConverter.ToUInt16(elf, 0x3A);
        ushort shnum = BitConverter.ToUInt16(elf, 0x3C);
        int changed = 0;
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)shoff + i * shentsize);
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            int offset = checked((int)BitConverter.ToUInt64(elf, sh + 0x18));
            uint link = BitConverter.ToUInt32(elf, sh + 0x28);
            int strtab = checked((int)BitConverter.ToUInt64(elf, checked((int)shoff + (int)link * shentsize) + 0x18));
            int verneed = offset;
            while (true)
            {
                ushort count = BitConverter.ToUInt16(elf, verneed + 2);
                uint aux = BitConverter.ToUInt32(elf, verneed + 8);
                uint next = BitConverter.ToUInt32(elf, verneed + 12);
                int vernaux = verneed + (int)aux;
                for (int k = 0; k < count; k++)
                {
                    string name = ReadCString(elf, strtab + (int)BitConverter.ToUInt32(elf, vernaux + 8));
                    ushort flags = BitConverter.ToUInt16(elf, vernaux + 4);
                    if (names.Contains(name) && (flags & VerFlgWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, vernaux + 4);
                        changed++;
                    }
                    uint auxNext = BitConverter.ToUInt32(elf, vernaux + 12);
                    if (auxNext == 0) break;
                    vernaux += (int)auxNext;
                }
                if (next == 0) break;
                verneed += (int)next;
            }
        }
        return changed;
    }

    private static string ReadCString(byte[] data, int start)
    {
        int end = Array.IndexOf(data, (byte)0, start);
        return Encoding.ASCII.GetString(data, start, end - start);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }

    private static string? FindSystemLibStdCxx()
    {
        try
        {
            var psi = new ProcessStartInfo("ldconfig", "-p") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var dir in new[] { "/sbin", "/usr/sbin" })
                if (File.Exists(Path.Combine(dir, "ldconfig"))) psi.FileName = Path.Combine(dir, "ldconfig");
            using var process = Process.Start(psi)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            foreach (string line in output.Split('\n'))
            {
                if (!line.TrimStart().StartsWith("libstdc++.so.6 ", StringComparison.Ordinal) || !line.Contains("x86-64")) continue;
                string path = line.Substring(line.IndexOf("=>", StringComparison.Ordinal) + 2).Trim();
                if (File.Exists(path)) return path;
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
        }
        return new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6" }
            .FirstOrDefault(File.Exists);
    }
}
