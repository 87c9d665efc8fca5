using System.CommandLine;
using System.Globalization;
using DrillRunner.Cli.Terminal;
using DrillRunner.Options;
using DrillRunner.Security;
using Spectre.Console;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// <c>drill apikey new|list|remove</c>: the server's key store (<c>{state}/apikeys.json</c>, hashes only). Keys are
/// random; nobody chooses one. <c>drill apikey hash KEY</c> stays for configurations that list hashes, deprecated.
/// </summary>
internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var command = new Command("apikey", "API keys of the drill server (stored hashed in <state>/apikeys.json; a running server picks changes up at once)");
        command.Subcommands.Add(New());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Hash());
        return command;
    }

    private static Command New()
    {
        var name = new Argument<string>("name") { Description = "Who or what the key is for, e.g. alice or grafana" };
        var role = new Option<string>("--role")
        {
            Description = $"{string.Join(", ", Roles.All)}",
            DefaultValueFactory = _ => Roles.Viewer,
        };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var command = new Command("new", "Create a random API key, store its hash and print the key once") { name, role };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var store = Store(parse);
            string key;
            try
            {
                key = await store.CreateAsync(parse.GetValue(name)!, parse.GetValue(role)!, TimeProvider.System, CancellationToken.None);
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            Console.WriteLine(key);
            Console.Error.WriteLine($"API key '{parse.GetValue(name)}' ({parse.GetValue(role)}) stored hashed in {store.FilePath}; the key above is shown only now.");
            return ExitCodes.Pass;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the stored API keys (names and roles; keys are never stored)");
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(() =>
        {
            var store = Store(parse);
            var table = new Table().AddColumns("name", "role", "created (UTC)");
            foreach (var key in store.All())
            {
                table.AddRow(Markup.Escape(key.Name), key.Role, key.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"key store: {store.FilePath} (keys configured in appsettings.json are not listed)");
            return Task.FromResult(ExitCodes.Pass);
        }));
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("name") { Description = "The key to remove" };
        var command = new Command("remove", "Remove a stored API key; it stops working at once, and its dashboard sessions end") { name };
        command.SetAction((parse, _) => ErrorPrinter.GuardAsync(async () =>
        {
            var store = Store(parse);
            if (!await store.RemoveAsync(parse.GetValue(name)!, TimeProvider.System, CancellationToken.None))
            {
                Console.Error.WriteLine($"error: no key named '{parse.GetValue(name)}' in {store.FilePath}");
                return ExitCodes.InvalidInput;
            }

            Console.WriteLine($"removed API key '{parse.GetValue(name)}'");
            return ExitCodes.Pass;
        }));
        return command;
    }

    private static Command Hash()
    {
        var key = new Argument<string>("key") { Description = "The API key to hash" };
        var hash = new Command("hash", "Deprecated: print the hash of a key for DrillRunner:ApiKeys:N:Hash. Prefer `drill apikey new`, which makes a random key") { key };
        hash.SetAction(parse =>
        {
            Console.Error.WriteLine("warning: `drill apikey hash` is deprecated: a key you chose may be guessable. Use `drill apikey new --role ROLE NAME`.");
            Console.WriteLine(ApiKeyHash.Compute(parse.GetValue(key)!));
        });
        return hash;
    }

    private static ApiKeyStore Store(ParseResult parse) => new(ServerStateDirectory.Resolve(parse.GetValue(CommonOptions.StateDirectory)));
}
