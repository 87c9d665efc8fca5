namespace DrillRunner.Engine.Locks;

/// <summary>
/// An OS file lock per environment in a state folder: held while the file is open, released by the kernel
/// when the process dies, so a crashed runner never leaves the environment locked.
/// </summary>
public sealed class FileEnvironmentLock(string folder) : IEnvironmentLock
{
    public Task<IAsyncDisposable> AcquireAsync(string environment, string runId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, environment + ".lock");
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(runId));
            stream.Flush();
            return Task.FromResult<IAsyncDisposable>(stream);
        }
        catch (IOException)
        {
            var holder = TryRead(path);
            throw new EnvironmentBusyException($"environment '{environment}' is busy: run {holder} holds {path}");
        }
    }

    private static string TryRead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "(unknown)";
        }
    }
}
