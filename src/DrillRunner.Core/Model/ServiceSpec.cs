using DrillRunner.Loading;
using DrillRunner.Units;

namespace DrillRunner.Model;

/// <summary>
/// A group of instances (processes or containers). Settings and args are passed as environment variables and
/// may use <c>{port}</c>, <c>{ports.NAME}</c>, <c>{instance}</c> (1-based), <c>{service}</c>, <c>{data}</c> and
/// <c>{shared}</c> placeholders.
/// </summary>
public sealed class ServiceSpec
{
    public string Name { get; init; } = "";

    public int Instances { get; init; } = 1;

    /// <summary>
    /// The most instances the service can have (e.g. the load balancer's backend port range); scaling beyond it and
    /// objectives that need more are refused when a drill loads. Null: no limit but the scale action's own.
    /// </summary>
    public int? MaxInstances { get; init; }

    /// <summary>Docker driver: host paths mounted into each container (e.g. the engine socket an autoscaler uses).</summary>
    public IReadOnlyList<MountSpec> Mounts { get; init; } = [];

    /// <summary>Port of the first instance; instance <c>i</c> (1-based) listens on <c>Port + i - 1</c>. 0: no port.</summary>
    public int Port { get; init; }

    /// <summary>
    /// More ports per instance by name, e.g. <c>pg: 18321</c>: instance <c>i</c> gets <c>18321 + i - 1</c>, written
    /// <c>{ports.pg}</c> in settings and args.
    /// </summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// The user the instances run as (e.g. <c>postgres</c>, which refuses root): local, the supervisor starts the
    /// process as that user; Docker, the container's user. The instance's <c>{data}</c> folder belongs to it.
    /// </summary>
    public string? User { get; init; }

    /// <summary>
    /// Roles an instance may hold, each an HTTP path on the instance's port answering 200 while it holds it
    /// (Patroni: <c>primary: /primary</c>, <c>replica: /replica</c>). Steps target them with <c>role:</c>; an
    /// instance of the service brought back by an undo must hold a role again, and every role must be held.
    /// </summary>
    public IReadOnlyDictionary<string, string> Roles { get; init; } = new Dictionary<string, string>();

    /// <summary>Local driver: the program to start (resolved against the environment file's folder when relative).</summary>
    public string? Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Docker driver: image to run for <c>env up</c>.</summary>
    public string? Image { get; init; }

    /// <summary>Docker driver: how to build <see cref="Image"/> locally when it is missing.</summary>
    public ImageBuildSpec? Build { get; init; }

    /// <summary>
    /// Docker driver: size-limited tmpfs mounts of each instance, path inside the container to size (e.g.
    /// <c>/var/cache/shop: 64MiB</c>). <c>disk-fill</c> fills these, never the host's own storage.
    /// </summary>
    public IReadOnlyDictionary<string, ByteSize> Tmpfs { get; init; } = new Dictionary<string, ByteSize>();

    /// <summary>
    /// CPU and memory limits of each instance. Docker driver: containers are created with them; adopted containers
    /// (<see cref="Selector"/>) keep the engine's own. The local driver refuses them (see <c>LimitsSpec</c>).
    /// </summary>
    public LimitsSpec? Limits { get; init; }

    /// <summary>
    /// Docker driver: run the engine's init (docker-init, tini) as each container's PID 1, with the service as its child,
    /// and an explicit stop signal (SIGTERM). A <c>crash</c> on a remote engine needs it: the kernel ignores a SIGKILL
    /// sent to a pid namespace's init from inside the namespace, and the engine's own kill counts as a manual stop. The
    /// local driver's instances are children of its supervisor already: there it changes nothing.
    /// </summary>
    public bool Init { get; init; }

    /// <summary>Docker driver: adopt existing containers instead of creating them.</summary>
    public SelectorSpec? Selector { get; init; }

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>HTTP path answering 200 when the instance is healthy, e.g. <c>/health</c>.</summary>
    public string? HealthPath { get; init; }

    public SupervisorSpec? Supervisor { get; init; }

    /// <summary>Commands <c>env up</c> runs in the service's instances once they are ready (a first full backup).</summary>
    public IReadOnlyList<SetupCommand> Setup { get; init; } = [];

    /// <summary>
    /// Config files each instance gets, written before it starts: a path relative to the instance's files folder
    /// (<c>{files}</c> in args and settings) mapped to a Liquid template relative to the environment file, rendered per
    /// instance (<see cref="InstanceFiles"/>). Config-file faults edit the instance's copy, never the template.
    /// </summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Shared token of the service's DrillRunner.Chaos control endpoint (<c>/_chaos</c>). When set, instances start
    /// with <c>Chaos__Token</c> and app-level faults (<c>latency</c>, <c>error</c>, live <c>misconfigure</c>) can reach them.
    /// </summary>
    public string? ChaosToken { get; init; }

    /// <summary>Where the service is declared; not a YAML field.</summary>
    public SourceLocation Location { get; set; } = SourceLocation.None;
}
