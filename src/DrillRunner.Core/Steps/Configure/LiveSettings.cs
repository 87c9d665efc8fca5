using System.Text.Json;
using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps.AppFaults;

namespace DrillRunner.Steps.Configure;

/// <summary>
/// Settings changed live through DrillRunner.Chaos (<c>PUT /_chaos/settings</c>) under a renewed lease. Setting names
/// are written as environment variables in drills (<c>Shop__MaxConcurrentRequests</c>) and sent as configuration keys
/// (<c>Shop:MaxConcurrentRequests</c>).
/// </summary>
internal static class LiveSettings
{
    public const string UndoKind = "settings-live";

    public static bool Applies(StepContext context, ConfigureOptions options) => Applies(context.Environment, options);

    public static bool Applies(Model.EnvironmentSpec environment, ConfigureOptions options) =>
        options.Live ?? environment.Services.GetValueOrDefault(options.Service)?.ChaosToken is { Length: > 0 };

    /// <summary>A change that is not live restarts or recreates instances with the new settings.</summary>
    public static IReadOnlyList<Type> RequiredCapabilities(Model.EnvironmentSpec environment, ConfigureOptions options) =>
        Applies(environment, options) ? [] : [typeof(Drivers.Capabilities.IInstanceReconfiguration)];

    public static UndoRecord Plan(StepContext context, string service, IReadOnlyList<InstanceInfo> targets)
    {
        ChaosTargets.Token(context, service);
        var payload = new AppFaultPayload(service, $"settings-{service}", targets.Select(t => ChaosTargets.Endpoint(t).ToString()).ToList());
        return new UndoRecord(UndoKind, string.Join(", ", targets.Select(t => t.Id)), payload.ToJson());
    }

    public static async Task ApplyAsync(StepContext context, UndoRecord plan, ConfigureOptions options, CancellationToken cancellationToken)
    {
        var payload = AppFaultPayload.FromJson(plan.Payload);
        var lease = ChaosTargets.LeaseSeconds(options.Lease);
        var settings = options.Settings.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value, StringComparer.Ordinal);
        var clients = ChaosTargets.Clients(context, payload).ToList();
        foreach (var client in clients)
        {
            await client.PutSettingsAsync(settings, lease, cancellationToken);
            var status = await client.GetStatusAsync(cancellationToken);
            foreach (var (key, value) in settings)
            {
                if (!status.GetProperty("settings").TryGetProperty(key, out var actual) || actual.GetString() != value)
                {
                    throw new DriverException($"setting {key} not reported as '{value}' after the live change: {JsonSerializer.Serialize(status)}");
                }
            }
        }

        await context.Resources.StopAsync(payload.FaultName);
        context.Resources.Add(payload.FaultName, new LeaseRenewer(options.Lease, context.Time, async ct =>
        {
            foreach (var client in clients)
            {
                await client.RenewSettingsAsync(lease, ct);
            }
        }));
    }
}
