using System.ComponentModel.DataAnnotations;
using DrillRunner.Docker.Faults.Network;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Docker.Faults.NetworkBandwidth;

/// <summary>Options of <c>network-bandwidth</c>: what an instance sends is limited to a rate (a token bucket on its interface).</summary>
public sealed class NetworkBandwidthOptions : TargetedStepOptions, INetworkFaultOptions
{
    /// <summary>The rate, e.g. <c>1mbit</c> or <c>200KB/s</c>.</summary>
    [Required]
    [BandwidthRange(NetworkFaultConstants.MinBitsPerSecond, Bandwidth.Max)]
    public Bandwidth? Rate { get; init; }

    public NetworkShape Shape(string tag, IReadOnlyList<string> peers) =>
        new() { Tag = tag, Kind = NetworkShapeKind.Bandwidth, RateBitsPerSecond = Rate?.BitsPerSecond ?? 0, Direction = TrafficDirection.Out };

    public string Describe() => $"bandwidth {Rate}";
}
