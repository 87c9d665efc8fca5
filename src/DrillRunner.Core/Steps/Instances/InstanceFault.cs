using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;

namespace DrillRunner.Steps.Instances;

/// <summary>A fault on some instances of a service (kill, crash, stop, pause), verified against the driver.</summary>
internal sealed class InstanceFault(TargetedStepOptions options, InstanceFaultKind kind) : IStep
{
    private static readonly TimeSpan VerifyTimeout = TimeSpan.FromSeconds(15);

    public bool IsFault => true;

    public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(IInstanceLifecycle)];

    public string Describe() =>
        $"{kind.Verb} {(options.Percent is { } p ? p.ToString() : (options.Count ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture))} of {options.Service}";

    public async Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        var targets = await TargetPicker.PickAsync(context, options, takesDown: true, cancellationToken);
        var ids = targets.Select(t => t.Id).ToList();
        return new UndoRecord(options.Kind, string.Join(", ", ids), new InstanceList(ids).ToJson());
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var ids = InstanceList.FromJson(undo!.Payload).Instances;
        var lifecycle = context.Driver.Require<IInstanceLifecycle>();
        foreach (var id in ids)
        {
            var before = await context.Driver.GetInstanceAsync(id, cancellationToken);
            await kind.InjectAsync(lifecycle, id, cancellationToken);
            await InstanceWaiter.WaitForAsync(context, id, after => kind.InEffect(before, after), kind.Expected, cancellationToken, VerifyTimeout);
        }

        return $"{kind.Verb}: {string.Join(", ", ids)}";
    }
}
