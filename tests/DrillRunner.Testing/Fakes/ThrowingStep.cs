using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Model;
using DrillRunner.Steps;

namespace DrillRunner.Testing.Fakes;

/// <summary>Options of the test fault <c>half-fault</c>: changes something, then fails mid-injection.</summary>
public sealed class HalfFaultOptions : StepOptions
{
    public string Instance { get; init; } = "";
}

/// <summary>Stops an instance and then throws, as a fault that breaks halfway would; its undo starts it again.</summary>
public sealed class ThrowingStep(HalfFaultOptions options) : IStep, IUndoHandler
{
    public bool IsFault => true;

    public string Describe() => $"half-fault on {options.Instance}";

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult<UndoRecord?>(new UndoRecord("half-fault", options.Instance, options.Instance));

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        await context.Driver.Require<IInstanceLifecycle>().StopAsync(options.Instance, cancellationToken);
        throw new InvalidOperationException("injection failed halfway");
    }

    public async Task<string> UndoAsync(StepContext context, UndoRecord record, CancellationToken cancellationToken)
    {
        await context.Driver.Require<IInstanceLifecycle>().StartAsync(record.Payload, cancellationToken);
        return $"started {record.Payload}";
    }
}
