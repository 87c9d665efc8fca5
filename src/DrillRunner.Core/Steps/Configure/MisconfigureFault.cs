using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps.ConfigFiles;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.Configure;

/// <summary>
/// Fault <c>misconfigure</c>: restarts (local) or recreates (docker) instances with wrong settings, the way a
/// bad deploy does, or changes live settings, or edits a server's config file (<c>file:</c>) and reloads it. The undo
/// record keeps each instance's original values (or the file's original bytes).
/// </summary>
internal sealed class MisconfigureFault(ConfigureOptions options) : IStep
{
    public bool IsFault => true;

    public IReadOnlyList<Type> RequiredCapabilities(Model.EnvironmentSpec environment) =>
        ConfigFileChange.Applies(options) ? ConfigFileChange.RequiredCapabilities(options) : LiveSettings.RequiredCapabilities(environment, options);

    public string Describe() => ConfigFileChange.Applies(options) ? ConfigFileChange.Describe("misconfigure", options) : $"misconfigure {options.Service}: {string.Join(", ", options.Settings.Select(p => $"{p.Key}={p.Value}"))}";

    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (ConfigFileChange.Applies(options))
        {
            // A reload by signal or command keeps the server serving; a restart takes it down for a moment.
            var servers = await TargetPicker.PickAsync(context, options, options.Reload!.Restart, cancellationToken);
            return await ConfigFileChange.PlanAsync(context, options, servers, cancellationToken);
        }

        var targets = await TargetPicker.PickAsync(context, options, !LiveSettings.Applies(context, options), cancellationToken);
        if (LiveSettings.Applies(context, options))
        {
            return LiveSettings.Plan(context, options.Service, targets);
        }

        var snapshots = targets
            .Select(t => new InstanceSettingsSnapshot(
                t.Id,
                options.Settings.Keys.ToDictionary(k => k, k => t.Settings.GetValueOrDefault(k), StringComparer.Ordinal)))
            .ToList();
        var payload = new SettingsPayload(snapshots) { Service = options.Service, Injected = SettingsApplier.Normalize(options.Settings) };
        return new UndoRecord(options.Kind, string.Join(", ", snapshots.Select(s => s.Instance)), payload.ToJson());
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        if (undo!.Kind == ConfigFileConstants.UndoKind)
        {
            return $"{Describe()}: {await ConfigFileChange.ApplyAsync(context, undo, cancellationToken)}";
        }

        if (undo.Kind == LiveSettings.UndoKind)
        {
            await LiveSettings.ApplyAsync(context, undo, options, cancellationToken);
            return $"{Describe()} on {undo.Target} (live)";
        }

        var wanted = SettingsApplier.Normalize(options.Settings);
        var payload = SettingsPayload.FromJson(undo.Payload);
        foreach (var snapshot in payload.Instances)
        {
            await SettingsApplier.ApplyAsync(context, snapshot.Instance, wanted, cancellationToken);
        }

        return $"{Describe()} on {undo.Target}";
    }
}
