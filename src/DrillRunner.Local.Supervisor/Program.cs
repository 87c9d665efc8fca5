using System.Runtime.InteropServices;
using DrillRunner.Local.Shared;
using DrillRunner.Local.Supervisor;

// drill-supervisor <state-dir>: owns one environment's processes until POST /shutdown or SIGTERM.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: drill-supervisor <state-dir>");
    return 64;
}

var stateDirectory = Path.GetFullPath(args[0]);
StateFiles.EnsureStateFolder(stateDirectory);
StateFiles.EnsurePrivateFolder(Path.Combine(stateDirectory, StateFiles.LogsFolder));

// One supervisor per state directory: the lock lives as long as this process.
FileStream lockFile;
try
{
    lockFile = new FileStream(Path.Combine(stateDirectory, StateFiles.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
}
catch (IOException ex)
{
    await Console.Error.WriteLineAsync($"another supervisor owns {stateDirectory}: {ex.Message}");
    return 3;
}

using (lockFile)
{
    Orphans.KillLeftovers(stateDirectory);
    using var listener = ControlListener.Start(out var port);
    var token = ControlToken.New();
    var table = new InstanceTable(stateDirectory, port, token, TimeProvider.System);
    table.Persist();
    Console.WriteLine($"supervisor {Environment.ProcessId} for {stateDirectory} listening on 127.0.0.1:{port}");

    using var shutdown = new CancellationTokenSource();
    using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        shutdown.Cancel();
    });
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
    {
        context.Cancel = true;
        shutdown.Cancel();
    });

    await new ControlServer(listener, table, token, shutdown).RunAsync();
    Console.WriteLine("shutting down: stopping every instance");
    await table.ShutdownAsync(CancellationToken.None);
    Console.WriteLine("supervisor exits");
}

return 0;
