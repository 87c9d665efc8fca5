using System.Text.Json;
using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.AppFaults;

/// <summary>
/// App-level fault (<c>latency</c> or <c>error</c>) switched on through each target instance's chaos endpoint, with
/// a lease the runner renews while the fault is active. Verified by reading the endpoint's status back.
/// </summary>
internal sealed class AppFault(AppFaultOptions options, string chaosKind) : IStep
{
    public bool IsFault => true;

    public string Describe() =>
        $"{options.Kind} {options.Rate} of {(options.Dependency is { } d ? $"calls to {d} from" : "requests to")} {options.Service}{(options.Route is { } r ? $" {r}" : "")}"
        + (chaosKind == "latency" ? $" (+{Units.DurationParser.Format(options.Latency)})" : $" (status {options.Status})");

    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        ChaosTargets.Token(context, options.Service);
        var targets = await TargetPicker.PickAsync(context, options, takesDown: false, cancellationToken);
        var name = $"drill-{context.RunId}-{options.Name ?? options.Kind}";
        var payload = new AppFaultPayload(options.Service, name, targets.Select(t => ChaosTargets.Endpoint(t).ToString()).ToList());
        return new UndoRecord("app-fault", string.Join(", ", targets.Select(t => t.Id)), payload.ToJson());
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var payload = AppFaultPayload.FromJson(undo!.Payload);
        var lease = ChaosTargets.LeaseSeconds(options.Lease);
        var body = new
        {
            kind = chaosKind,
            rate = options.Rate.Fraction,
            latencyMs = (int)options.Latency.TotalMilliseconds,
            statusCode = options.Status,
            route = options.Route,
            dependency = options.Dependency,
            leaseSeconds = lease,
        };
        var clients = ChaosTargets.Clients(context, payload).ToList();
        foreach (var client in clients)
        {
            await client.PutFaultAsync(payload.FaultName, body, cancellationToken);
            await VerifyActiveAsync(client, payload.FaultName, cancellationToken);
        }

        context.Resources.Add(payload.FaultName, new LeaseRenewer(options.Lease, context.Time, async ct =>
        {
            foreach (var client in clients)
            {
                await client.RenewFaultAsync(payload.FaultName, lease, ct);
            }
        }));
        return $"{Describe()} on {undo.Target}";
    }

    private static async Task VerifyActiveAsync(ChaosClient client, string name, CancellationToken cancellationToken)
    {
        var status = await client.GetStatusAsync(cancellationToken);
        var active = status.TryGetProperty("faults", out var faults)
            && faults.EnumerateArray().Any(f => f.TryGetProperty("name", out var n) && n.GetString() == name);
        if (!active)
        {
            throw new DriverException($"fault {name} not reported active by the chaos endpoint after it was switched on: {JsonSerializer.Serialize(status)}");
        }
    }
}
