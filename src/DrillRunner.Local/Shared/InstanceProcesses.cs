using System.Globalization;
using System.Text;

namespace DrillRunner.Local.Shared;

/// <summary>
/// Every process of a local instance: its own process, what it started, and daemons that detached from it (a
/// postmaster forked twice by Patroni has parent 1 and a session of its own). Detached ones are found by the
/// marker every instance starts with in its environment (<see cref="MarkerVariable"/>), which children inherit;
/// their own children by parent id (PostgreSQL's backends overwrite their environment with the process title).
/// </summary>
internal static class InstanceProcesses
{
    public const string MarkerVariable = "DRILLRUNNER_INSTANCE";

    /// <summary>The processes of instance <paramref name="instanceId"/>, whose main process is <paramref name="pid"/> (if alive).</summary>
    public static IReadOnlyList<int> Find(string instanceId, int? pid) => FindWhere(id => id == instanceId, pid);

    /// <summary>
    /// Processes whose marker names an instance <c>{environment}-{service}-{n}</c> of one of <paramref name="services"/>
    /// (left over after a supervisor died). Exact, so <c>demo-shop</c> never matches <c>demo-shop-ha</c>'s instances.
    /// </summary>
    public static IReadOnlyList<int> FindInEnvironment(string environment, IEnumerable<string> services)
    {
        var prefixes = services.Select(s => $"{environment}-{s}-").ToList();
        return FindWhere(id => prefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal) && id.Length > p.Length && id[p.Length..].All(char.IsAsciiDigit)), null);
    }

    /// <summary>The process's command line with NULs as spaces; empty when it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline")).Replace('\0', ' ').Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static List<int> FindWhere(Func<string, bool> marked, int? pid)
    {
        var parents = new Dictionary<int, int>();
        var roots = new HashSet<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || ProcStat.Read(id) is not { IsAlive: true } stat)
            {
                continue;
            }

            parents[id] = stat.ParentId;
            if (id == pid || (MarkerOf(id) is { } marker && marked(marker)))
            {
                roots.Add(id);
            }
        }

        var result = new List<int>();
        foreach (var (id, _) in parents)
        {
            // Walk up to a root; the chain is short (parent ids only ever point to older processes).
            for (var (current, hops) = (id, 0); current > 1 && hops < 128 && parents.ContainsKey(current); (current, hops) = (parents[current], hops + 1))
            {
                if (roots.Contains(current))
                {
                    result.Add(id);
                    break;
                }
            }
        }

        result.Sort();
        return result;
    }

    private static string? MarkerOf(int pid)
    {
        try
        {
            var environ = File.ReadAllBytes($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/environ");
            var prefix = Encoding.ASCII.GetBytes(MarkerVariable + "=");
            var span = environ.AsSpan();
            while (span.Length > 0)
            {
                var end = span.IndexOf((byte)0);
                var entry = end < 0 ? span : span[..end];
                if (entry.StartsWith(prefix))
                {
                    return Encoding.UTF8.GetString(entry[prefix.Length..]);
                }

                span = end < 0 ? [] : span[(end + 1)..];
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
