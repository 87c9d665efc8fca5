using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using DrillRunner.Docker.DelayProxy;

// drill-delay-proxy: started by the docker driver inside an instance's network namespace (nsenter -n), from the host's
// filesystem. iptables redirects the instance's incoming TCP connections to it; it forwards each to where it was going
// and delays the answers. SIGTERM stops it: no new connections, open ones get a second to finish.
ProxyOptions options;
try
{
    options = ProxyOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"drill-delay-proxy: {ex.Message}");
    return 2;
}

using var stopping = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});

using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
try
{
    listener.Bind(new IPEndPoint(IPAddress.Any, options.Port));
    listener.Listen(512);
}
catch (SocketException ex)
{
    await Console.Error.WriteLineAsync($"drill-delay-proxy: cannot listen on port {options.Port}: {ex.Message}");
    return 1;
}

await Console.Out.WriteLineAsync($"drill-delay-proxy {options.Tag}: port {options.Port}, delay {options.Delay.TotalMilliseconds} ms ± {options.Jitter.TotalMilliseconds} ms");
using var connections = new CancellationTokenSource();
var open = new ConcurrentDictionary<Task, bool>();
try
{
    while (!stopping.IsCancellationRequested)
    {
        var client = await listener.AcceptAsync(stopping.Token);
        var connection = ProxyConnection.RunAsync(client, options, TimeProvider.System, connections.Token);
        open[connection] = true;
        _ = connection.ContinueWith(t => open.TryRemove(t, out _), TaskScheduler.Default);
    }
}
catch (OperationCanceledException)
{
    // SIGTERM
}

listener.Close();
var drained = Task.WhenAll(open.Keys);
await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System));
await connections.CancelAsync();
return 0;
