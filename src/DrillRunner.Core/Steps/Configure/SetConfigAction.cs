using DrillRunner.Engine;
using DrillRunner.Journal;

namespace DrillRunner.Steps.Configure;

/// <summary>Runbook action <c>set-config</c>: the fix. Applies settings to every instance of the service.</summary>
internal sealed class SetConfigAction(ConfigureOptions options) : IStep
{
    public bool IsFault => false;

    public string Describe() => $"set-config {options.Service}: {string.Join(", ", options.Settings.Select(p => $"{p.Key}={p.Value}"))}";

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult<UndoRecord?>(null);

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var instances = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        var wanted = SettingsApplier.Normalize(options.Settings);
        foreach (var instance in instances)
        {
            await SettingsApplier.ApplyAsync(context, instance.Id, wanted, cancellationToken);
        }

        return $"{Describe()} on {instances.Count} instance(s)";
    }
}
