using System.CommandLine;
using DrillRunner.Hosting;
using DrillRunner.Loading;

namespace DrillRunner.Cli.Commands;

/// <summary><c>drill schema</c>: writes the JSON Schemas of drill and environment files for editors.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the schemas to", DefaultValueFactory = _ => Path.Combine("drills", "schema") };
        var command = new Command("schema", "Write drill.schema.json and environment.schema.json (from the registered components)") { output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            var catalog = Runner.CreateCatalog();
            File.WriteAllText(Path.Combine(folder, "drill.schema.json"), SchemaGenerator.DrillSchema(catalog));
            File.WriteAllText(Path.Combine(folder, "environment.schema.json"), SchemaGenerator.EnvironmentSchema(catalog));
            Console.WriteLine($"wrote {Path.Combine(folder, "drill.schema.json")} and {Path.Combine(folder, "environment.schema.json")}");
            return 0;
        });
        return command;
    }
}
