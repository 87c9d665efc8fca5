using System.Globalization;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Steps;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Docker.Faults.Network;

/// <summary>
/// A network fault on some instances of a service. Prepare picks the instances (and a partition's peers) and gives
/// each its own tag; the record, written before anything changes, holds every shape whole. Execute applies each
/// shape, and the driver reads it back from the namespace before the fault counts as injected.
/// </summary>
internal sealed class NetworkFault(TargetedStepOptions options, INetworkFaultOptions fault) : IStep
{
    public bool IsFault => true;

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(INetworkShaping)];

    public IEnumerable<FileProblem> CheckAgainst(EnvironmentSpec environment) => fault.CheckAgainst(environment);

    public string Describe() =>
        $"{fault.Describe()} on {(options.Percent is { } p ? p.ToString() : (options.Count ?? 1).ToString(CultureInfo.InvariantCulture))} of {options.Service}";

    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        _ = context.Driver.Require<INetworkShaping>();
        var targets = await TargetPicker.PickAsync(context, options, fault.TakesDown, cancellationToken);
        IReadOnlyList<string> peers = [];
        if (fault.PeerService is { } peer)
        {
            peers = [.. (await context.Driver.ListInstancesAsync(peer, cancellationToken)).Select(i => i.Id)];
            if (peers.Count == 0)
            {
                throw new DriverException($"service '{peer}' has no instance to partition {options.Service} from");
            }
        }

        var run = context.Random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
        var shaped = targets
            .Select((t, i) => new ShapedInstance(t.Id, fault.Shape($"{context.RunId}-{run}{i.ToString(CultureInfo.InvariantCulture)}", [.. peers.Where(p => p != t.Id)])))
            .ToList();
        if (fault.PeerService is not null && shaped.Any(s => s.Shape.Peers.Count == 0))
        {
            // An empty peer list means "everyone" to the driver: never widen a partition from a peer to a total one.
            throw new DriverException($"service '{fault.PeerService}' has no instance other than the one being partitioned");
        }

        return new UndoRecord(options.Kind, string.Join(", ", shaped.Select(s => s.Id)), new NetworkFaultPayload(shaped).ToJson());
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var shaping = context.Driver.Require<INetworkShaping>();
        var done = new List<string>();
        foreach (var instance in NetworkFaultPayload.FromJson(undo!.Payload).Instances)
        {
            done.Add(await shaping.ApplyAsync(instance.Id, instance.Shape, cancellationToken));
        }

        return $"{fault.Describe()}: {string.Join("; ", done)}";
    }
}
