using System.ComponentModel.DataAnnotations;
using DrillRunner.Docker.Faults.Network;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Loading;
using DrillRunner.Model;

namespace DrillRunner.Docker.Faults.NetworkPartition;

/// <summary>
/// Options of <c>network-partition</c>: all traffic of an instance is dropped, or only its traffic with a peer service
/// (<c>peer</c>), or only on one of its ports (<c>port</c>), received, sent or both.
/// </summary>
public sealed class NetworkPartitionOptions : TargetedStepOptions, INetworkFaultOptions
{
    /// <summary>
    /// Cut the instance off from this service only (both ways by default); the rest of its traffic flows. It may be the
    /// instance's own service: then it is cut off from its siblings (a split).
    /// </summary>
    public string? Peer { get; init; }

    /// <summary>Only TCP traffic to this port of the instance (and its answers).</summary>
    [Range(1, 65535)]
    public int? Port { get; init; }

    public TrafficDirection Direction { get; init; } = TrafficDirection.Both;

    string? INetworkFaultOptions.PeerService => Peer;

    // Cut off from everyone, an instance is out of service; from one peer or on one port, it is degraded.
    bool INetworkFaultOptions.TakesDown => Peer is null && Port is null;

    public NetworkShape Shape(string tag, IReadOnlyList<string> peers) =>
        new() { Tag = tag, Kind = NetworkShapeKind.Partition, Direction = Direction, Port = Port, Peers = peers };

    public string Describe() =>
        $"partition{(Peer is null ? "" : $" from {Peer}")}{(Port is { } p ? $" on port {p}" : "")} ({Direction.ToString().ToLowerInvariant()})";

    public IEnumerable<FileProblem> CheckAgainst(EnvironmentSpec environment)
    {
        if (Peer is not null && !environment.Services.ContainsKey(Peer))
        {
            yield return new FileProblem(Location, "steps.peer", $"environment '{environment.Name}' has no service '{Peer}'{NameSuggester.Hint(Peer, environment.Services.Keys)}");
        }
    }
}
