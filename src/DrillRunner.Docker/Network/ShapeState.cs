using DrillRunner.Drivers.Capabilities;

namespace DrillRunner.Docker.Network;

/// <summary>What of one tag is in effect in a namespace, read back from the kernel and <c>/proc</c>.</summary>
internal sealed record ShapeState(IReadOnlyList<IptablesRule> Rules, IReadOnlyList<RootQdisc> Qdiscs, IReadOnlyList<ProxyProcess> Proxies)
{
    public IReadOnlyList<string> Lines =>
        [.. Rules.Select(r => $"iptables {r}"), .. Qdiscs.Select(q => $"qdisc {q}"), .. Proxies.Select(p => p.ToString())];

    /// <summary>Whether everything <paramref name="applied"/> (rules, or devices) of the shape is in effect.</summary>
    public bool Covers(NetworkShape shape, int applied) => shape.Kind switch
    {
        NetworkShapeKind.Bandwidth => Qdiscs.Count == applied && Qdiscs.All(q => q.Kind == "tbf"),
        NetworkShapeKind.Delay => Rules.Count == applied && Proxies.Count == 1
            && Rules.Count(r => r.Spec.Contains($"--to-ports {Proxies[0].Port}", StringComparison.Ordinal)) == 1,
        _ => Rules.Count == applied,
    };

    public override string ToString() => Lines.Count == 0 ? "nothing" : string.Join("; ", Lines);
}
