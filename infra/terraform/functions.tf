# The sink Functions app: a custom handler in a container on Elastic Premium. Kafka triggers scale with
# target-based scaling, which on Premium works only with runtime scale monitoring enabled.

resource "azurerm_service_plan" "functions" {
  name                         = "plan-${var.name_prefix}-${local.suffix}"
  location                     = azurerm_resource_group.main.location
  resource_group_name          = azurerm_resource_group.main.name
  os_type                      = "Linux"
  sku_name                     = var.functions_plan_sku
  maximum_elastic_worker_count = var.functions_maximum_instances
  tags                         = var.tags
}

locals {
  # The handler's setting names (functions/README.md): connector keys are overridden by <connector>__<key>, where
  # <connector> is the name with every character other than letters, digits and _ replaced by _.
  es_prefix = replace(var.elasticsearch_connector_name, "/[^A-Za-z0-9_]/", "_")
  s3_prefix = replace(var.s3_connector_name, "/[^A-Za-z0-9_]/", "_")

  function_plain_settings = merge(
    var.function_trigger_settings,
    {
      KafkaBootstrapServers                   = var.kafka_bootstrap_servers
      KafkaUsername                           = local.use_sasl ? var.kafka_sasl_username : ""
      "${local.es_prefix}__connection.url"    = var.elasticsearch_url
      "${local.s3_prefix}__s3.bucket.name"    = var.s3_bucket_name
      "${local.s3_prefix}__s3.region"         = var.s3_region
      "${local.s3_prefix}__aws.access.key.id" = var.s3_access_key_id
    },
    var.elasticsearch_username == "" ? {} : { "${local.es_prefix}__connection.username" = var.elasticsearch_username },
    var.s3_endpoint == "" ? {} : { "${local.s3_prefix}__store.url" = var.s3_endpoint },
  )

  # Key Vault references, resolved by the platform with the user-assigned identity.
  function_secret_settings = merge(
    { "${local.s3_prefix}__aws.secret.access.key" = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.s3_secret_access_key.versionless_id})" },
    local.use_kafka_secret ? { KafkaPassword = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.kafka_sasl_password[0].versionless_id})" } : {},
    local.use_elasticsearch_secret ? { "${local.es_prefix}__connection.password" = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.elasticsearch_password[0].versionless_id})" } : {},
  )
}

resource "azurerm_linux_function_app" "sinks" {
  name                            = "func-${var.name_prefix}-${local.suffix}"
  location                        = azurerm_resource_group.main.location
  resource_group_name             = azurerm_resource_group.main.name
  service_plan_id                 = azurerm_service_plan.functions.id
  storage_account_name            = azurerm_storage_account.functions.name
  storage_account_access_key      = azurerm_storage_account.functions.primary_access_key
  https_only                      = true
  key_vault_reference_identity_id = azurerm_user_assigned_identity.apps.id
  tags                            = var.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.apps.id]
  }

  site_config {
    runtime_scale_monitoring_enabled              = true
    elastic_instance_minimum                      = var.functions_minimum_instances
    application_insights_connection_string        = azurerm_application_insights.main.connection_string
    container_registry_use_managed_identity       = true
    container_registry_managed_identity_client_id = azurerm_user_assigned_identity.apps.client_id
    ftps_state                                    = "Disabled"
    minimum_tls_version                           = "1.2"

    application_stack {
      docker {
        registry_url = "https://${var.container_registry_server}"
        image_name   = var.functions_image
        image_tag    = var.image_tag
      }
    }
  }

  app_settings = merge(
    {
      FUNCTIONS_WORKER_RUNTIME            = "custom"
      WEBSITES_ENABLE_APP_SERVICE_STORAGE = "false"
    },
    local.function_plain_settings,
    local.function_secret_settings,
  )

  depends_on = [azurerm_role_assignment.apps_secrets_user]
}
