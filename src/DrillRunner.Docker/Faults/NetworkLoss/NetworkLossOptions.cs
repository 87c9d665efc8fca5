using System.ComponentModel.DataAnnotations;
using DrillRunner.Docker.Faults.Network;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Docker.Faults.NetworkLoss;

/// <summary>Options of <c>network-loss</c>: a random share of an instance's packets is dropped, as on a lossy link.</summary>
public sealed class NetworkLossOptions : TargetedStepOptions, INetworkFaultOptions
{
    /// <summary>Share of packets dropped, each on its own (TCP retransmits them: requests get slow, some time out).</summary>
    [Required]
    [ShareRange(0.1, 100)]
    public Percentage? Loss { get; init; }

    /// <summary>Packets the instance receives (<c>in</c>, the default), sends (<c>out</c>) or both.</summary>
    public TrafficDirection Direction { get; init; } = TrafficDirection.In;

    /// <summary>Only TCP traffic of this port of the instance; default: all its traffic.</summary>
    [Range(1, 65535)]
    public int? Port { get; init; }

    public NetworkShape Shape(string tag, IReadOnlyList<string> peers) =>
        new() { Tag = tag, Kind = NetworkShapeKind.Loss, Loss = Loss?.Fraction ?? 0, Direction = Direction, Port = Port };

    public string Describe() => $"loss {Loss} ({Direction.ToString().ToLowerInvariant()})";
}
