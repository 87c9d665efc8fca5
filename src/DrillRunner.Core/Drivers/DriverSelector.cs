using DrillRunner.Model;

namespace DrillRunner.Drivers;

/// <summary>
/// Picks the driver for an environment: the one asked for (flag, then file), or with <c>auto</c> docker when an
/// engine answers and local otherwise. The reason is returned so the user is told which and why.
/// </summary>
public sealed class DriverSelector(IReadOnlyList<IDriverFactory> factories, TimeProvider time)
{
    public const string Auto = "auto";

    public async Task<(IEnvironmentDriver Driver, string Why)> SelectAsync(EnvironmentSpec environment, string? requested, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrEmpty(requested) ? environment.Driver : requested;
        if (name != Auto)
        {
            var factory = Find(name) ?? throw new DriverException($"unknown driver '{name}'; available: {string.Join(", ", factories.Select(f => f.Name))}");
            var driver = factory.Create(environment, time);
            var availability = await driver.CheckAsync(cancellationToken);
            if (!availability.IsAvailable)
            {
                await driver.DisposeAsync();
                throw new DriverException($"{name} driver unavailable for environment '{environment.Name}': {availability.Detail}");
            }

            return (driver, $"{name} driver ({availability.Detail})");
        }

        // An environment already up as local processes stays local: down, status and runs must reach it.
        if (Find("local") is { } upLocally)
        {
            var running = upLocally.Create(environment, time);
            var state = await running.CheckAsync(cancellationToken);
            if (state.EnvironmentUp)
            {
                return (running, $"local driver: {state.Detail}");
            }

            await running.DisposeAsync();
        }

        string? dockerWhy = null;
        if (Find("docker") is { } docker)
        {
            var driver = docker.Create(environment, time);
            var availability = await driver.CheckAsync(cancellationToken);
            if (availability.IsAvailable)
            {
                return (driver, $"docker driver: {availability.Detail}");
            }

            dockerWhy = availability.Detail;
            await driver.DisposeAsync();
        }

        var local = Find("local") ?? throw new DriverException("no local driver registered");
        return (local.Create(environment, time), $"local driver (processes){(dockerWhy is null ? "" : $": no Docker engine ({dockerWhy})")}");
    }

    private IDriverFactory? Find(string name) => factories.FirstOrDefault(f => f.Name == name);
}
