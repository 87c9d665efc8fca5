namespace DrillRunner.Engine.Locks;

/// <summary>One run per environment at a time, across runner processes.</summary>
public interface IEnvironmentLock
{
    /// <summary>Takes the lock or throws <see cref="EnvironmentBusyException"/>; dispose to release.</summary>
    Task<IAsyncDisposable> AcquireAsync(string environment, string runId, CancellationToken cancellationToken);
}
