using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps.Configure;

/// <summary>Runbook action <c>set-config</c>: the fix. Applies settings to every instance of the service.</summary>
internal sealed class SetConfigAction(ConfigureOptions options) : IStep
{
    public bool IsFault => false;

    public IReadOnlyList<Type> RequiredCapabilities(Model.EnvironmentSpec environment) => LiveSettings.RequiredCapabilities(environment, options);

    public string Describe() => $"set-config {options.Service}: {string.Join(", ", options.Settings.Select(p => $"{p.Key}={p.Value}"))}";

    // Live: the fix is itself an override, dropped at the restore so instances end on their own configuration.
    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) =>
        LiveSettings.Applies(context, options)
            ? LiveSettings.Plan(context, options.Service, await context.Driver.ListInstancesAsync(options.Service, cancellationToken))
            : null;

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        if (undo is not null)
        {
            await LiveSettings.ApplyAsync(context, undo, options, cancellationToken);
            return $"{Describe()} on {undo.Target} (live)";
        }

        var instances = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        var wanted = SettingsApplier.Normalize(options.Settings);
        foreach (var instance in instances)
        {
            await SettingsApplier.ApplyAsync(context, instance.Id, wanted, cancellationToken);
        }

        return $"{Describe()} on {instances.Count} instance(s)";
    }
}
