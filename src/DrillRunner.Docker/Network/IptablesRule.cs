namespace DrillRunner.Docker.Network;

/// <summary>
/// One rule in one table, as written to <c>iptables-restore</c> (<see cref="Spec"/> is everything after the chain)
/// or as read back from <c>iptables-save</c> (then <see cref="Spec"/> is exactly what the kernel reports).
/// </summary>
internal sealed record IptablesRule(string Table, string Chain, string Spec, string Comment)
{
    public string InsertLine => $"-I {Chain} 1 {Spec}";

    public string DeleteLine => $"-D {Chain} {Spec}";

    public override string ToString() => $"{Table} {Chain} {Spec}";
}
