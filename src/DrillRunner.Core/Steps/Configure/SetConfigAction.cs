using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps.ConfigFiles;

namespace DrillRunner.Steps.Configure;

/// <summary>
/// Runbook action <c>set-config</c>: the fix. Applies settings (or a config-file edit) to every instance of the service.
/// A config-file fix is journaled like a fault, so the restore leaves every file as it was before the drill.
/// </summary>
internal sealed class SetConfigAction(ConfigureOptions options) : IStep
{
    public bool IsFault => false;

    public IReadOnlyList<Type> RequiredCapabilities(Model.EnvironmentSpec environment) =>
        ConfigFileChange.Applies(options) ? ConfigFileChange.RequiredCapabilities(options) : LiveSettings.RequiredCapabilities(environment, options);

    public string Describe() => ConfigFileChange.Applies(options) ? ConfigFileChange.Describe("set-config", options) : $"set-config {options.Service}: {string.Join(", ", options.Settings.Select(p => $"{p.Key}={p.Value}"))}";

    // Live: the fix is itself an override, dropped at the restore so instances end on their own configuration.
    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) =>
        ConfigFileChange.Applies(options)
            ? await ConfigFileChange.PlanAsync(context, options, await context.Driver.ListInstancesAsync(options.Service, cancellationToken), cancellationToken)
            : LiveSettings.Applies(context, options)
            ? LiveSettings.Plan(context, options.Service, await context.Driver.ListInstancesAsync(options.Service, cancellationToken))
            : null;

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        if (undo is { Kind: ConfigFileConstants.UndoKind })
        {
            return $"{Describe()}: {await ConfigFileChange.ApplyAsync(context, undo, cancellationToken)}";
        }

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
