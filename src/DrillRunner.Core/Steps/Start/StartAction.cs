using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps.Instances;
using DrillRunner.Units;

namespace DrillRunner.Steps.Start;

/// <summary>
/// Runbook action <c>start</c>: starts instances and waits until they are up (and hold the awaited role). Its time is
/// the runbook step's time in the report ("start: 3 s"); nothing to undo: starting is what restores.
/// </summary>
internal sealed class StartAction(StartOptions options) : IStep
{
    public bool IsFault => false;

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(IInstanceLifecycle)];

    public string Describe() =>
        $"start {(options.Instance is { } i ? $"instance {i.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "the stopped instances")} of {options.Service}"
        + (options.WaitForRole is { } role ? $" until it is {role}" : "");

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult<UndoRecord?>(null);

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var lifecycle = context.Driver.Require<IInstanceLifecycle>();
        var service = context.Environment.Services[options.Service];
        var all = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        var targets = options.Instance is { } index
            ? [all.FirstOrDefault(i => i.Id == InstanceSettings.InstanceId(context.Environment, service, index))
                ?? throw new DriverException($"service '{options.Service}' has no instance {index}")]
            : all.Where(i => i.State is not (InstanceState.Running or InstanceState.Restarting)).ToList();
        var started = context.Time.GetUtcNow();
        var done = new List<string>();
        foreach (var target in targets)
        {
            var running = target.State is InstanceState.Running or InstanceState.Restarting;
            if (target.State == InstanceState.Paused)
            {
                await lifecycle.UnpauseAsync(target.Id, cancellationToken);
            }
            else if (!running)
            {
                await lifecycle.StartAsync(target.Id, cancellationToken);
            }

            await InstanceWaiter.WaitForAsync(context, target.Id, InstanceWaiter.IsUp, "running and healthy", cancellationToken, options.Timeout);
            var role = options.WaitForRole is { } awaited
                ? $" {await InstanceRoles.WaitHoldsAsync(context, service, target.Id, awaited, options.Timeout - (context.Time.GetUtcNow() - started), cancellationToken)}"
                : "";
            done.Add($"{target.Id}{(running ? " (was running)" : "")}{role}");
        }

        return targets.Count == 0
            ? $"nothing to start: every instance of {options.Service} runs"
            : $"started {string.Join(", ", done)} in {DurationParser.Format(context.Time.GetUtcNow() - started)}";
    }
}
