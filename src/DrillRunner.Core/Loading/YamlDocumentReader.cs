using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace DrillRunner.Loading;

/// <summary>
/// Reads one YAML document defensively: size, depth and event limits are checked with the streaming parser
/// before a node tree is built, so hostile files fail fast with a located error instead of a hang or a crash.
/// </summary>
internal static class YamlDocumentReader
{
    public const long MaxBytes = 1024 * 1024;
    private const int MaxDepth = 64;
    private const int MaxEvents = 100_000;

    public static YamlNode? Read(string file, string text, ProblemList problems)
    {
        if (text.Length > MaxBytes)
        {
            problems.Add(new SourceLocation(file, 1, 1), "", $"the file is larger than {MaxBytes / 1024} KiB; drill and environment files are small by design");
            return null;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add(new SourceLocation(file, 1, 1), "", "the file contains binary data (NUL bytes); expected YAML text");
            return null;
        }

        var lastGood = new SourceLocation(file, 1, 1);
        try
        {
            if (!PreScan(file, text, problems, ref lastGood))
            {
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                problems.Add(new SourceLocation(file, 1, 1), "", "the file is empty");
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            problems.Add(new SourceLocation(file, Math.Max(1, (int)ex.Start.Line), Math.Max(1, (int)ex.Start.Column)), "", $"not valid YAML: {Inner(ex)}");
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some malformed structures this way, without a position; the pre-scan knows the last good one.
            problems.Add(lastGood, "", $"not valid YAML: {ex.Message}");
            return null;
        }
    }

    private static bool PreScan(string file, string text, ProblemList problems, ref SourceLocation lastGood)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var events = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            lastGood = Location(file, current);
            if (++events > MaxEvents)
            {
                problems.Add(Location(file, current), "", $"the file has more than {MaxEvents} YAML nodes");
                return false;
            }

            if (current is MappingStart or SequenceStart && ++depth > MaxDepth)
            {
                problems.Add(Location(file, current), "", $"nesting deeper than {MaxDepth} levels");
                return false;
            }

            if (current is MappingEnd or SequenceEnd)
            {
                depth--;
            }
        }

        return true;
    }

    private static SourceLocation Location(string file, ParsingEvent e) => new(file, (int)e.Start.Line, (int)e.Start.Column);

    private static string Inner(YamlException ex) =>
        (ex.InnerException?.Message ?? ex.Message).Split('\n')[0].Trim();
}
