namespace DrillRunner.Model;

/// <summary>
/// Which probes' samples an objective reads: <c>probe: orders-canary</c> and/or <c>probes: [a, b]</c>; none named
/// means all of them. Lets a database failover drill measure RTO and availability on the write path alone.
/// </summary>
public static class ProbeSelection
{
    public static IReadOnlySet<string>? Of(string? probe, IReadOnlyList<string> probes)
    {
        var names = probes.Concat(probe is null ? [] : [probe]).ToHashSet(StringComparer.Ordinal);
        return names.Count == 0 ? null : names;
    }

    public static IEnumerable<ProbeReference> References(string? probe, IReadOnlyList<string> probes) =>
        (probe is null ? [] : new[] { new ProbeReference("probe", probe, null) }).Concat(probes.Select(p => new ProbeReference("probes", p, null)));

    public static bool Includes(this IReadOnlySet<string>? selection, string probe) => selection is null || selection.Contains(probe);

    /// <summary>E.g. <c> (probe orders-canary)</c> for a detail line; empty when every probe counts.</summary>
    public static string Describe(IReadOnlySet<string>? selection) =>
        selection is null ? "" : $" ({(selection.Count == 1 ? "probe" : "probes")} {string.Join(", ", selection.Order(StringComparer.Ordinal))})";
}
