using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillRunner.Probes.Canary;

/// <summary>
/// A canary's URL, body, header or expected value with <c>${sequence}</c>, <c>${sentAt}</c>, <c>${runId}</c>,
/// <c>${probe}</c> and, on the read path, <c>${id}</c> placeholders (the environment's <c>${endpoints.X}</c> are
/// substituted when the file loads, before these).
/// </summary>
internal static partial class CanaryTemplate
{
    [GeneratedRegex(@"\$\{([A-Za-z][A-Za-z0-9_.-]*)\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Placeholder();

    public static IEnumerable<string> Placeholders(string template) => Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>Why the template cannot be used, or null.</summary>
    public static string? Problem(string template, bool readPath)
    {
        var known = readPath
            ? new[] { CanaryConstants.Sequence, CanaryConstants.SentAt, CanaryConstants.RunId, CanaryConstants.Probe, CanaryConstants.Id }
            : [CanaryConstants.Sequence, CanaryConstants.SentAt, CanaryConstants.RunId, CanaryConstants.Probe];
        var unknown = Placeholders(template).FirstOrDefault(p => !known.Contains(p, StringComparer.Ordinal));
        return unknown is null ? null : $"unknown placeholder '${{{unknown}}}'; known here: {string.Join(", ", known.Select(k => $"${{{k}}}"))}";
    }

    /// <summary>Why a URL template cannot be used (not absolute http(s), a placeholder in scheme, host or port), or null.</summary>
    public static string? UrlProblem(string template, bool readPath)
    {
        if (Problem(template, readPath) is { } problem)
        {
            return problem;
        }

        var schemeEnd = template.IndexOf("://", StringComparison.Ordinal);
        var pathStart = schemeEnd < 0 ? -1 : template.IndexOfAny(['/', '?', '#'], schemeEnd + 3);
        var authority = pathStart < 0 ? template : template[..pathStart];
        if (authority.Contains("${", StringComparison.Ordinal))
        {
            return "placeholders may stand in the path and query only, never in the scheme, host or port";
        }

        return Uri.TryCreate(Render(template, Sample), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"'{template}' is not an absolute http or https URL";
    }

    /// <summary>The URL with placeholders filled by sample values, for the allowlist check; null when it is refused anyway.</summary>
    public static Uri? SampleUrl(string template) =>
        UrlProblem(template, readPath: true) is null && Uri.TryCreate(Render(template, Sample), UriKind.Absolute, out var uri) ? uri : null;

    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>The values of one write (<paramref name="id"/> on the read path only); URL-escaped for a URL.</summary>
    public static Dictionary<string, string> Values(string runId, string probe, long sequence, DateTimeOffset sentAt, string? id = null, bool forUrl = false)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CanaryConstants.Sequence] = sequence.ToString(CultureInfo.InvariantCulture),
            [CanaryConstants.SentAt] = sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            [CanaryConstants.RunId] = runId,
            [CanaryConstants.Probe] = probe,
        };
        if (id is not null)
        {
            values[CanaryConstants.Id] = id;
        }

        // Escaped segment by segment: an id taken from a Location header (/orders/42) stays a path.
        return forUrl
            ? values.ToDictionary(v => v.Key, v => string.Join('/', v.Value.Split('/').Select(Uri.EscapeDataString)), StringComparer.Ordinal)
            : values;
    }

    private static readonly Dictionary<string, string> Sample = Values("run", "probe", 1, DateTimeOffset.UnixEpoch, "id");
}
