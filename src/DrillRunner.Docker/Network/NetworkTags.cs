using System.Globalization;
using System.Text.RegularExpressions;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Network;

/// <summary>
/// How DrillRunner marks what it changes in a namespace, so that an undo and a sweep find exactly its own: iptables
/// rules carry the comment <c>drillrunner:ENV:TAG</c>, delay proxies carry it on their command line, and root qdiscs
/// get a handle in DrillRunner's range <c>d700:</c>-<c>d7ff:</c> (qdiscs have no comments).
/// </summary>
internal static partial class NetworkTags
{
    public const string Prefix = "drillrunner:";

    private const int HandleBase = 0xd700;

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,80}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Valid();

    public static string Comment(string environment, string tag)
    {
        if (!Valid().IsMatch(tag) || !Valid().IsMatch(environment))
        {
            throw new DriverException($"'{environment}:{tag}' cannot tag a network rule (letters, digits, '.', '_' and '-', at most 80)");
        }

        return $"{Prefix}{environment}:{tag}";
    }

    /// <summary>The start of every comment DrillRunner puts on an environment's rules.</summary>
    public static string EnvironmentPrefix(string environment) => $"{Prefix}{environment}:";

    /// <summary>The root qdisc handle of a tag's bandwidth limit, e.g. <c>d7a1:</c>.</summary>
    public static string QdiscHandle(string tag)
    {
        var hash = 2166136261u;
        foreach (var c in tag)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (HandleBase | (int)(hash & 0xff)).ToString("x4", CultureInfo.InvariantCulture) + ":";
    }

    /// <summary>Whether a qdisc handle is in DrillRunner's range.</summary>
    public static bool IsDrillRunnerHandle(string handle) =>
        handle.Length == 5 && handle.EndsWith(':') && int.TryParse(handle.AsSpan(0, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var major)
        && (major & 0xff00) == HandleBase;
}
