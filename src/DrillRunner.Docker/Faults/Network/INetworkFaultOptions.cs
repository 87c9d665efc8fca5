using DrillRunner.Drivers.Capabilities;
using DrillRunner.Loading;
using DrillRunner.Model;

namespace DrillRunner.Docker.Faults.Network;

/// <summary>What a network fault's options tell <see cref="NetworkFault"/>: the shape for one instance, and its checks.</summary>
internal interface INetworkFaultOptions
{
    /// <summary>The service whose instances are the other side of the fault (a partition's peer), or null.</summary>
    string? PeerService => null;

    /// <summary>A fault that takes instances out of service counts the running ones for the total-outage guard.</summary>
    bool TakesDown => false;

    NetworkShape Shape(string tag, IReadOnlyList<string> peers);

    string Describe();

    IEnumerable<FileProblem> CheckAgainst(EnvironmentSpec environment) => [];
}
