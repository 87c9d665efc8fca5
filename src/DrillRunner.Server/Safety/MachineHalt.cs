using DrillRunner.Engine.Halt;
using DrillRunner.Options;
using DrillRunner.PostgreSql;
using Microsoft.Extensions.Configuration;

namespace DrillRunner.Safety;

/// <summary>
/// The halt switches <c>drill halt</c> acts on without a server: the state folder's file (every CLI run and server of
/// the machine reads it) and, when the working folder's settings (appsettings.json, <c>DrillRunner__*</c> variables, as
/// for <c>drill serve</c>) name a shared PostgreSQL database, its switch too, so every runner halts.
/// </summary>
public sealed class MachineHalt : IAsyncDisposable
{
    private readonly IAsyncDisposable? _stores;

    private MachineHalt(IHaltSwitch halt, IAsyncDisposable? stores, string describe)
    {
        Switch = halt;
        _stores = stores;
        Describe = describe;
    }

    public IHaltSwitch Switch { get; }

    /// <summary>Which switches: "this machine (.drillrunner/halt.json)" and maybe "every runner of database X".</summary>
    public string Describe { get; }

    public static MachineHalt Open(IConfiguration configuration, string stateDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = new FileHaltSwitch(stateDirectory, time);
        var section = configuration.GetSection(DrillServerOptions.Section);
        if (SharedJobStorage.IsConfigured(configuration)
            && section[$"{nameof(DrillServerOptions.PostgreSql)}:{nameof(PostgreSqlOptions.ConnectionString)}"] is { Length: > 0 } connectionString)
        {
            if (PostgreSqlTarget.Check(connectionString, PostgreSqlReachableValidator.ConnectTimeout) is { } error)
            {
                // An emergency stop must not depend on the database: this machine halts anyway, and says so.
                return new MachineHalt(file, null, $"this machine only ({file.Path}); the shared database was not reached: {error}");
            }

            var stores = new PostgreSqlStores(connectionString, time);
            return new MachineHalt(new MirroredHaltSwitch(stores.Halt, file), stores,
                $"every runner of PostgreSQL {PostgreSqlTarget.Describe(connectionString)}, and this machine ({file.Path})");
        }

        return new MachineHalt(file, null, $"this machine ({file.Path}: drill run, drill serve and watchdogs on this state folder)");
    }

    public async ValueTask DisposeAsync()
    {
        if (_stores is not null)
        {
            await _stores.DisposeAsync();
        }
    }
}
