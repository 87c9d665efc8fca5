using System.Globalization;
using System.Net;

namespace DrillRunner.Docker.Namespaces;

/// <summary>
/// A running container's network namespace as seen from the host: its main process, the interfaces other than the
/// loopback, and its addresses on the container networks. Commands run in it through <c>nsenter --net</c>.
/// </summary>
internal sealed record ContainerNamespace(string InstanceId, int Pid, string NetnsLink, IReadOnlyList<string> Interfaces, IReadOnlyList<IPAddress> Addresses)
{
    public string Path => $"/proc/{Pid.ToString(CultureInfo.InvariantCulture)}/ns/net";

    /// <summary>Runs a host tool (iptables-save, tc, ...) inside the namespace.</summary>
    public Task<ToolResult> RunAsync(string tool, IReadOnlyList<string> arguments, TimeProvider time, CancellationToken cancellationToken, string? input = null) =>
        ToolRunner.RunAsync(HostTools.Nsenter, [$"--net={Path}", "--", HostTools.Path(tool), .. arguments], input, time, cancellationToken);

    /// <summary>TCP ports something listens on in the namespace, on addresses other than the loopback.</summary>
    public IReadOnlyList<int> ListeningPorts() => ProcNet.Listening(Pid).Where(l => !IPAddress.IsLoopback(l.Address)).Select(l => l.Port).Distinct().ToList();

    /// <summary>Whether anything listens on <paramref name="port"/> in the namespace.</summary>
    public bool Listens(int port) => ProcNet.Listening(Pid).Any(l => l.Port == port);
}
