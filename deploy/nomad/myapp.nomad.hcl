# The gunicorn + nginx example under tssupervisord as PID 1, in the image that
# deploy/docker/Dockerfile builds (docs/nomad.md). The password of the daemon's XML-RPC API and
# /metrics comes from a Nomad variable:
#   nomad var put nomad/jobs/myapp supervisor_password="$(openssl rand -hex 16)"
#   nomad job run deploy/nomad/myapp.nomad.hcl
job "myapp" {
  datacenters = ["dc1"]
  type        = "service"

  group "web" {
    count = 2

    network {
      port "http" {
        to = 8080
      }
      port "supervisor" {
        to = 9001
      }
    }

    # in the catalog while ready: every autostart program RUNNING
    service {
      name     = "myapp"
      port     = "http"
      provider = "nomad"

      check {
        name     = "ready"
        type     = "http"
        port     = "supervisor"
        path     = "/readyz"
        interval = "5s"
        timeout  = "2s"
      }
    }

    # restarted when the daemon stops answering
    service {
      name     = "myapp-supervisor"
      port     = "supervisor"
      provider = "nomad"

      check {
        name     = "alive"
        type     = "http"
        path     = "/healthz"
        interval = "10s"
        timeout  = "2s"

        check_restart {
          limit = 3
          grace = "30s"
        }
      }
    }

    task "supervisor" {
      driver = "docker"

      # tssupervisord stops nginx then gunicorn, each within its stopwaitsecs (10 + 10 s); Nomad
      # sends SIGKILL after kill_timeout (at most the client's max_kill_timeout, 30 s by default)
      kill_signal  = "SIGTERM"
      kill_timeout = "30s"

      config {
        image = "tssupervisor-myapp:0.1.0"
        ports = ["http", "supervisor"]
      }

      template {
        data        = <<EOT
TSSUPERVISOR_PASSWORD={{ with nomadVar "nomad/jobs/myapp" }}{{ .supervisor_password }}{{ end }}
EOT
        destination = "secrets/supervisor.env"
        env         = true
      }

      resources {
        cpu    = 200
        memory = 256
      }
    }
  }
}
