using System.Text.RegularExpressions;
using DrillRunner.Drivers;
using DrillRunner.Model;

namespace DrillRunner.Loading;

/// <summary>Checks of a service's named ports, user and roles, each problem naming the field.</summary>
internal static partial class ServiceChecks
{
    public static void Check(string name, ServiceSpec service, string driver, ProblemList problems)
    {
        if (service.Limits is { } limits && driver == "local")
        {
            problems.Add(limits.Location == SourceLocation.None ? service.Location : limits.Location, $"services.{name}.limits", LimitsSpec.LocalDriverRefusal);
        }

        foreach (var (portName, port) in service.Ports)
        {
            if (port < 1024 || port + service.Instances > 65535)
            {
                problems.Add(service.Location, $"services.{name}.ports.{portName}", "must leave room for every instance between 1024 and 65535");
            }
        }

        if (service.User is { } user)
        {
            if (string.IsNullOrWhiteSpace(user))
            {
                problems.Add(service.Location, $"services.{name}.user", "must name a user, or be left out");
            }
            else if (UnixUsers.Find(user) is null)
            {
                problems.Add(service.Location, $"services.{name}.user", $"no user '{user}' on this machine ({UnixUsers.PasswdFile}); create it or install the package that does");
            }
        }

        if (service.Build is { } build)
        {
            var kinds = (build.Project.Length > 0 ? 1 : 0) + (build.Debian.Count > 0 ? 1 : 0);
            if (kinds != 1)
            {
                problems.Add(service.Location, $"services.{name}.build", "give either project (a .NET project) or debian (a list of packages)");
            }
            else if (build.Debian.Count > 0 && string.IsNullOrWhiteSpace(service.Command))
            {
                problems.Add(service.Location, $"services.{name}.command", "a Debian image runs the service's command: it is required");
            }

            foreach (var package in build.Debian.Where(p => !DebianPackageName().IsMatch(p)))
            {
                problems.Add(service.Location, $"services.{name}.build.debian", $"'{package}' is not a Debian package name");
            }

            foreach (var file in build.Files.Where(f => Path.IsPathRooted(f) || f.Split('/').Contains("..")))
            {
                problems.Add(service.Location, $"services.{name}.build.files", $"'{file}' must be a path inside the environment's folder");
            }
        }

        CheckSetup(name, service, problems);
        foreach (var (role, path) in service.Roles)
        {
            if (!path.StartsWith('/'))
            {
                problems.Add(service.Location, $"services.{name}.roles.{role}", $"'{path}' must be an HTTP path starting with '/', e.g. /primary");
            }
            else if (service.Port == 0)
            {
                problems.Add(service.Location, $"services.{name}.roles", "roles are checked on the instance's port: the service needs a port");
            }
        }
    }

    private static void CheckSetup(string name, ServiceSpec service, ProblemList problems)
    {
        foreach (var (setup, index) in service.Setup.Select((s, i) => (s, i)))
        {
            var field = $"services.{name}.setup[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            if (setup.Command.Count == 0 || string.IsNullOrWhiteSpace(setup.Command[0]))
            {
                problems.Add(service.Location, field + ".command", "is empty: give the program and its arguments, e.g. [pgbackrest, backup]");
            }

            if (setup.Role is { } role && !service.Roles.ContainsKey(role))
            {
                problems.Add(service.Location, field + ".role", $"service '{name}' has no role '{role}'{NameSuggester.Hint(role, service.Roles.Keys)}");
            }

            if (setup.Instance > service.Instances)
            {
                problems.Add(service.Location, field + ".instance", $"service '{name}' has {service.Instances} instance(s)");
            }

            if (setup.Timeout <= TimeSpan.Zero)
            {
                problems.Add(service.Location, field + ".timeout", "must be longer than 0s");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex DebianPackageName();
}
