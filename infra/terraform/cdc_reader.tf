# The cdc-reader: exactly one replica, because PostgreSQL streams a replication slot to one connection at a time.

resource "azurerm_container_app_environment" "main" {
  name                       = "cae-${var.name_prefix}-${local.suffix}"
  location                   = azurerm_resource_group.main.location
  resource_group_name        = azurerm_resource_group.main.name
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id
  tags                       = var.tags
}

resource "azurerm_container_app" "cdc_reader" {
  name                         = "ca-${var.name_prefix}-cdc"
  container_app_environment_id = azurerm_container_app_environment.main.id
  resource_group_name          = azurerm_resource_group.main.name
  revision_mode                = "Single"
  tags                         = var.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.apps.id]
  }

  registry {
    server   = var.container_registry_server
    identity = azurerm_user_assigned_identity.apps.id
  }

  secret {
    name                = "postgres-password"
    key_vault_secret_id = azurerm_key_vault_secret.postgres_password.versionless_id
    identity            = azurerm_user_assigned_identity.apps.id
  }

  dynamic "secret" {
    for_each = azurerm_key_vault_secret.kafka_sasl_password
    content {
      name                = "kafka-sasl-password"
      key_vault_secret_id = secret.value.versionless_id
      identity            = azurerm_user_assigned_identity.apps.id
    }
  }

  # Mounted as files by the "config" volume; a file without extension is read as YAML.
  secret {
    name  = "connector-yaml"
    value = file(var.cdc_connector_file)
  }

  secret {
    name  = "worker-yaml"
    value = file(var.worker_file)
  }

  template {
    min_replicas = 1
    max_replicas = 1

    container {
      name   = "cdc-reader"
      image  = "${var.container_registry_server}/${var.cdc_reader_image}:${var.image_tag}"
      cpu    = 0.5
      memory = "1Gi"

      env {
        name  = "CDC_CONFIG"
        value = "/etc/serverless-connect/config/connector-yaml"
      }

      env {
        name  = "CDC_WORKER_CONFIG"
        value = "/etc/serverless-connect/config/worker-yaml"
      }

      env {
        name  = "CDC_HTTP_PORT"
        value = "8080"
      }

      env {
        name  = "KAFKA_BOOTSTRAP_SERVERS"
        value = var.kafka_bootstrap_servers
      }

      env {
        name  = "APPLICATIONINSIGHTS_CONNECTION_STRING"
        value = azurerm_application_insights.main.connection_string
      }

      # ${secrets:postgres:password} in the connector YAML resolves to SC_SECRET_POSTGRES_PASSWORD.
      env {
        name        = "SC_SECRET_POSTGRES_PASSWORD"
        secret_name = "postgres-password"
      }

      dynamic "env" {
        for_each = azurerm_key_vault_secret.kafka_sasl_password
        content {
          name        = var.kafka_credential_env_name
          secret_name = "kafka-sasl-password"
        }
      }

      startup_probe {
        transport               = "HTTP"
        port                    = 8080
        path                    = "/health"
        interval_seconds        = 10
        failure_count_threshold = 30
      }

      liveness_probe {
        transport               = "HTTP"
        port                    = 8080
        path                    = "/health"
        interval_seconds        = 20
        failure_count_threshold = 3
      }

      volume_mounts {
        name = "config"
        path = "/etc/serverless-connect/config"
      }
    }

    volume {
      name         = "config"
      storage_type = "Secret"
    }
  }

  depends_on = [azurerm_role_assignment.apps_secrets_user]
}
