using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps.Instances;

namespace DrillRunner.Steps.Restart;

/// <summary>Runbook action <c>restart</c>: restarts instances and waits until they are healthy again.</summary>
internal sealed class RestartAction(TargetedStepOptions options) : IStep
{
    public bool IsFault => false;

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(IInstanceLifecycle)];

    public string Describe() => $"restart {options.Count ?? 1} of {options.Service}";

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult<UndoRecord?>(null);

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var all = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        var targets = all.Take(TargetPicker.CountFor(options, all.Count)).Select(i => i.Id).ToList();
        foreach (var id in targets)
        {
            await context.Driver.Require<IInstanceLifecycle>().RestartAsync(id, cancellationToken);
            await InstanceWaiter.WaitForAsync(context, id, InstanceWaiter.IsUp, "running and healthy", cancellationToken);
        }

        return $"restarted {string.Join(", ", targets)}";
    }
}
