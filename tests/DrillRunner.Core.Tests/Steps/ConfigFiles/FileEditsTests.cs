using DrillRunner.Steps.ConfigFiles;

namespace DrillRunner.Core.Tests.Steps.ConfigFiles;

public sealed class FileEditsTests
{
    private const string Nginx = "worker_processes 1;\nevents {\n    worker_connections 1024;   # per worker\n}\nhttp {\n    # worker_connections 9;\n    keepalive_timeout 65;\n}\n";
    private static readonly Dictionary<string, object?> Variables = new(StringComparer.Ordinal) { ["port"] = 8080, ["instance"] = 1 };

    [Fact]
    public void A_directive_gets_the_value_and_keeps_indentation_semicolon_and_comment()
    {
        var edited = FileEdits.Apply(Nginx, new FileEditOptions { Directive = "worker_connections", Value = "4" }, "nginx.conf", Variables, null);

        Assert.Contains("    worker_connections 4;   # per worker\n", edited, StringComparison.Ordinal);
        Assert.Contains("    # worker_connections 9;\n", edited, StringComparison.Ordinal); // a comment is not a directive
        Assert.Equal(Nginx.Replace("1024", "4", StringComparison.Ordinal), edited);
    }

    [Fact]
    public void A_directive_of_several_words_and_no_semicolon_is_found_in_a_haproxy_file()
    {
        const string haproxy = "defaults\n    timeout server 30s\n    timeout client 30s\n    maxconn 2000\n";

        var edited = FileEdits.Apply(haproxy, new FileEditOptions { Directive = "timeout server", Value = "5ms" }, "haproxy.cfg", Variables, null);

        Assert.Equal("defaults\n    timeout server 5ms\n    timeout client 30s\n    maxconn 2000\n", edited);
    }

    [Fact]
    public void A_line_edit_replaces_each_matching_line_with_groups_and_keeps_crlf()
    {
        const string text = "a = 1\r\nserver app1 127.0.0.1:81 maxconn 100\r\nserver app2 127.0.0.1:82 maxconn 100\r\n";

        var edited = FileEdits.Apply(text, new FileEditOptions { Line = @"^(server \S+ \S+) maxconn \d+$", With = "$1 maxconn 1" }, "haproxy.cfg", Variables, null);

        Assert.Equal("a = 1\r\nserver app1 127.0.0.1:81 maxconn 1\r\nserver app2 127.0.0.1:82 maxconn 1\r\n", edited);
    }

    [Fact]
    public void A_template_sees_the_instance_and_the_original()
    {
        var edited = FileEdits.Apply(Nginx, new FileEditOptions { Template = "bad.conf" }, "nginx.conf", Variables, "# instance {{ instance }} on {{ port }}\n{{ original }}");

        Assert.Equal("# instance 1 on 8080\n" + Nginx, edited);
    }

    [Theory]
    [InlineData("proxy_read_timeout", "directive 'proxy_read_timeout' not found in nginx.conf")]
    [InlineData("worker", "directive 'worker' not found in nginx.conf")]
    public void A_directive_that_is_not_there_changes_nothing_and_says_so(string directive, string expected)
    {
        var error = Assert.Throws<FileEditException>(() => FileEdits.Apply(Nginx, new FileEditOptions { Directive = directive, Value = "1s" }, "nginx.conf", Variables, null));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("not changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_that_changes_nothing_is_refused()
    {
        var error = Assert.Throws<FileEditException>(() => FileEdits.Apply(Nginx, new FileEditOptions { Directive = "worker_connections", Value = "1024" }, "nginx.conf", Variables, null));

        Assert.Contains("changes nothing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("listen {{ prot }};", "prot")]
    [InlineData("listen {{ port | nosuchfilter }};", "nosuchfilter")]
    [InlineData("{% if port %}listen", "does not parse")]
    public void A_template_that_does_not_render_changes_nothing_and_says_why(string template, string expected)
    {
        var error = Assert.Throws<FileEditException>(() => FileEdits.Apply(Nginx, new FileEditOptions { Template = "bad.conf" }, "nginx.conf", Variables, template));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("template bad.conf", error.Message, StringComparison.Ordinal);
    }
}
