namespace DrillRunner.Docker.Faults.Network;

public static class NetworkFaultConstants
{
    public const string DelayKind = "network-delay";

    public const string LossKind = "network-loss";

    public const string BandwidthKind = "network-bandwidth";

    public const string PartitionKind = "network-partition";

    /// <summary>The longest delay a drill may add: beyond it every client has long timed out.</summary>
    public const string MaxDelay = "00:01:00";

    /// <summary>Below this a link is as good as cut: use <c>network-partition</c>.</summary>
    public const long MinBitsPerSecond = 8_000;
}
