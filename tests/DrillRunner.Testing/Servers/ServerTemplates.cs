namespace DrillRunner.Testing.Servers;

/// <summary>
/// Liquid templates of a small web tier for tests: nginx serving <c>/slow</c> (8 KiB at 4 KiB/s, two seconds a request)
/// and <c>/health</c>, and haproxy in front of it. Written per instance by the drivers (<c>files:</c>).
/// </summary>
public static class ServerTemplates
{
    public const string Nginx = """
        # nginx for DrillRunner's tests: one worker, everything under the instance's files folder.
        worker_processes 1;
        daemon off;
        pid {{ files }}/nginx.pid;
        error_log stderr warn;
        events {
            worker_connections 512;
        }
        http {
            access_log off;
            client_body_temp_path {{ files }}/body;
            proxy_temp_path {{ files }}/proxy;
            fastcgi_temp_path {{ files }}/fastcgi;
            uwsgi_temp_path {{ files }}/uwsgi;
            scgi_temp_path {{ files }}/scgi;
            server {
                listen 127.0.0.1:{{ port }};
                location /health { return 200 "ok\n"; }
                location /slow { alias {{ files }}/slow.txt; limit_rate 4k; }
            }
        }

        """;

    public const string Haproxy = """
        # haproxy for DrillRunner's tests, in front of the web service.
        global
            maxconn 1000
        defaults
            mode http
            timeout connect 1s
            timeout client 10s
            timeout server 10s
            timeout queue 300ms
        frontend fe
            bind 127.0.0.1:{{ port }}
            default_backend web
        backend web
            server web1 127.0.0.1:{{ services.web.port }} maxconn 100

        """;

    /// <summary>8 KiB of text: at nginx's <c>limit_rate 4k</c>, a request of about two seconds.</summary>
    public const string Slow = "{% for i in (1..128) %}................................................................{% endfor %}";

    /// <summary>Writes the three templates into <paramref name="folder"/>.</summary>
    public static void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nginx.conf.liquid"), Nginx);
        File.WriteAllText(Path.Combine(folder, "haproxy.cfg.liquid"), Haproxy);
        File.WriteAllText(Path.Combine(folder, "slow.txt.liquid"), Slow);
    }
}
