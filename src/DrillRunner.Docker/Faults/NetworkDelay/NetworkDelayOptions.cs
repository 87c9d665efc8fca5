using System.ComponentModel.DataAnnotations;
using DrillRunner.Docker.Faults.Network;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Docker.Faults.NetworkDelay;

/// <summary>
/// Options of <c>network-delay</c>: every answer an instance sends on the TCP connections made to it (to one port, or
/// all) arrives <c>delay</c> (± <c>jitter</c>) later, as over a slow link; with <c>loss</c> the same link also drops a
/// share of the packets the instance receives. Connections open when the fault starts are reset so that they reconnect
/// through it.
/// </summary>
public sealed class NetworkDelayOptions : TargetedStepOptions, INetworkFaultOptions
{
    [Required]
    [Range(typeof(TimeSpan), "00:00:00.001", NetworkFaultConstants.MaxDelay, ErrorMessage = "must be between 1ms and 60s")]
    public TimeSpan? Delay { get; init; }

    /// <summary>Each delay is drawn from <c>delay ± jitter</c>; bytes on a connection keep their order.</summary>
    [Range(typeof(TimeSpan), "00:00:00", NetworkFaultConstants.MaxDelay, ErrorMessage = "must be between 0s and 60s")]
    public TimeSpan Jitter { get; init; }

    /// <summary>A slow and lossy link: this share of the packets the instance receives is dropped too.</summary>
    [ShareRange(0.1, 100)]
    public Percentage? Loss { get; init; }

    /// <summary>Only connections to this port of the instance; default: every TCP connection made to it.</summary>
    [Range(1, 65535)]
    public int? Port { get; init; }

    public NetworkShape Shape(string tag, IReadOnlyList<string> peers) =>
        new() { Tag = tag, Kind = NetworkShapeKind.Delay, Delay = Delay ?? TimeSpan.Zero, Jitter = Jitter, Loss = Loss?.Fraction ?? 0, Direction = TrafficDirection.In, Port = Port };

    public string Describe() =>
        $"delay {DurationParser.Format(Delay ?? TimeSpan.Zero)}{(Jitter > TimeSpan.Zero ? $" ±{DurationParser.Format(Jitter)}" : "")}{(Loss is { } loss ? $", loss {loss}" : "")}";

    public IEnumerable<FileProblem> CheckAgainst(EnvironmentSpec environment)
    {
        if (Delay is { } delay && Jitter > delay)
        {
            yield return new FileProblem(Location, "steps.jitter", $"{DurationParser.Format(Jitter)} is more than the delay ({DurationParser.Format(delay)})");
        }
    }
}
