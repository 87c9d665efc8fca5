using System.Globalization;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;

namespace DrillRunner.Steps.Scale;

/// <summary>Runbook action <c>scale</c>. Undone at restore: the service goes back to its replica count.</summary>
internal sealed class ScaleAction(ScaleOptions options) : IStep
{
    public bool IsFault => false;

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(IServiceScaling)];

    public string Describe() => $"scale {options.Service} to {options.Replicas}";

    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        var current = await context.Driver.ListInstancesAsync(options.Service, cancellationToken);
        return new UndoRecord(options.Kind, options.Service, ScaleUndo.Payload(options.Service, current.Count));
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var before = (await context.Driver.ListInstancesAsync(options.Service, cancellationToken)).Select(i => i.Id).ToList();
        await context.Driver.Require<IServiceScaling>().ScaleAsync(options.Service, options.Replicas, cancellationToken);
        await ScaleUndo.VerifyAsync(context, options.Service, options.Replicas, before, cancellationToken);
        return $"scaled {options.Service} to {options.Replicas.ToString(CultureInfo.InvariantCulture)}";
    }
}
