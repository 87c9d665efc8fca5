using DrillRunner.Drivers;
using DrillRunner.Local.Shared;
using DrillRunner.Model;

namespace DrillRunner.Local;

/// <summary>Turns a service of an environment into the launch of one instance.</summary>
internal static class LaunchPlanner
{
    public static ServiceSpec Service(EnvironmentSpec environment, string service) =>
        environment.Services.TryGetValue(service, out var spec)
            ? spec
            : throw new DriverException($"environment '{environment.Name}' has no service '{service}'");

    /// <summary>
    /// The launch of instance <paramref name="index"/>; <c>{files}</c> in its args and settings is
    /// <paramref name="filesFolder"/>, where its config files are written (<see cref="WriteFiles"/>).
    /// </summary>
    public static InstanceLaunch Plan(EnvironmentSpec environment, ServiceSpec service, int index, LocalDriverOptions options, string stateDirectory, string filesFolder)
    {
        if (string.IsNullOrWhiteSpace(service.Command))
        {
            throw new DriverException(
                $"{environment.SourceFile}: service '{service.Name}' has no command; the local driver needs services.{service.Name}.command");
        }

        var baseDirectory = Path.GetFullPath(environment.BaseDirectory);
        var id = InstanceSettings.InstanceId(environment, service, index);
        var data = InstanceSettings.UsesData(service) ? StateFiles.DataPath(stateDirectory, id) : null;
        var shared = InstanceSettings.UsesShared(service) ? StateFiles.SharedPath(stateDirectory, service.Name) : null;
        var user = service.User is { } name
            ? UnixUsers.Find(name) ?? throw new DriverException($"{environment.SourceFile}: service '{service.Name}' runs as user '{name}', who does not exist on this machine")
            : null;
        var settings = InstanceSettings.For(environment, service, index, data, shared).ToDictionary(p => p.Key, p => InstanceFiles.Expand(p.Value, filesFolder), StringComparer.Ordinal);
        if (user is not null)
        {
            settings.TryAdd("HOME", user.Home);
        }

        return new InstanceLaunch
        {
            Id = id,
            Service = service.Name,
            Index = index,
            Port = InstanceSettings.PortOf(service, index),
            Command = ResolveCommand(service.Command, baseDirectory),
            Args = [.. service.Args.Select(a => InstanceFiles.Expand(InstanceSettings.Expand(a, environment, service, index, data, shared), filesFolder))],
            WorkingDirectory = baseDirectory,
            Settings = settings,
            RestartAfter = service.Supervisor?.RestartAfter,
            StopGrace = options.StopGrace,
            HealthPath = service.HealthPath,
            User = user?.Name,
            GroupId = user?.Gid,
            DataDirectory = data,
            SharedDirectory = shared,
        };
    }

    /// <summary>Renders the service's config files into the instance's files folder (a fresh instance gets fresh files).</summary>
    public static void WriteFiles(EnvironmentSpec environment, ServiceSpec service, int index, string filesFolder)
    {
        if (service.Files.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var (path, content) in InstanceFiles.Render(environment, service, index, filesFolder))
            {
                var target = InstanceFiles.Resolve(filesFolder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, content);
            }
        }
        catch (Exception ex) when (ex is Templates.TemplateException or IOException or ArgumentException)
        {
            throw new DriverException($"{environment.SourceFile}: service '{service.Name}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A new instance of a scaled service runs the configuration the service runs now, as a scale-out of a real
    /// deployment would: settings changed on the first instance (a bad deploy) carry over; instance-specific values
    /// (port, instance number) are the new instance's own.
    /// </summary>
    public static InstanceLaunch WithDeployedSettings(InstanceLaunch plan, InstanceLaunch deployed, IReadOnlyDictionary<string, string> deployedAsSpecified)
    {
        var settings = new Dictionary<string, string>(plan.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in deployed.Settings)
        {
            if (!deployedAsSpecified.TryGetValue(key, out var specified) || specified != value)
            {
                settings[key] = value;
            }
        }

        foreach (var key in deployedAsSpecified.Keys.Where(k => !deployed.Settings.ContainsKey(k)))
        {
            settings.Remove(key);
        }

        return plan with { Settings = settings };
    }

    /// <summary>A path resolves against the environment's folder; a bare name (<c>dotnet</c>) is looked up on PATH.</summary>
    private static string ResolveCommand(string command, string baseDirectory)
    {
        if (Path.IsPathRooted(command))
        {
            return command;
        }

        var candidate = Path.Combine(baseDirectory, command);
        return command.Contains('/', StringComparison.Ordinal) || File.Exists(candidate) ? candidate : command;
    }
}
