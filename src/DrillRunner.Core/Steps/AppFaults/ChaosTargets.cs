using DrillRunner.Drivers;
using DrillRunner.Engine;

namespace DrillRunner.Steps.AppFaults;

/// <summary>Finds the chaos endpoints and token of a service's instances.</summary>
internal static class ChaosTargets
{
    public static string Token(StepContext context, string service) =>
        context.Environment.Services.TryGetValue(service, out var spec) && spec.ChaosToken is { Length: > 0 } token
            ? token
            : throw new DriverException($"service '{service}' has no chaosToken in environment '{context.Environment.Name}'; app-level faults need the service to use DrillRunner.Chaos");

    public static Uri Endpoint(InstanceInfo instance) =>
        instance.Endpoint ?? throw new DriverException($"{instance.Id} has no HTTP endpoint for its chaos control API");

    public static IEnumerable<ChaosClient> Clients(StepContext context, AppFaultPayload payload) =>
        payload.Endpoints.Select(e => new ChaosClient(context.Http, new Uri(e), Token(context, payload.Service)));

    public static int LeaseSeconds(TimeSpan lease) => (int)Math.Clamp(lease.TotalSeconds, 1, 3600);
}
