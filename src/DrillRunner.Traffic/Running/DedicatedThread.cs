namespace DrillRunner.Traffic.Running;

/// <summary>Runs a loop that sleeps precisely or blocks in the kernel on a thread of its own, not a pool thread.</summary>
internal static class DedicatedThread
{
    public static Task<T> RunAsync<T>(string name, Func<T> body)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(body());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }
}
