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
  # Key Vault references, resolved by the platform with the user-assigned identity.
  function_secret_settings = merge(
    { AWS_SECRET_ACCESS_KEY = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.s3_secret_access_key.versionless_id})" },
    local.use_kafka_secret ? { KAFKA_SASL_PASSWORD = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.kafka_sasl_password[0].versionless_id})" } : {},
    local.use_elasticsearch_secret ? { ELASTICSEARCH_PASSWORD = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.elasticsearch_password[0].versionless_id})" } : {},
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
      KAFKA_BOOTSTRAP_SERVERS             = var.kafka_bootstrap_servers
      KAFKA_SECURITY_PROTOCOL             = var.kafka_security_protocol
      KAFKA_SASL_MECHANISM                = local.use_sasl ? var.kafka_sasl_mechanism : ""
      KAFKA_SASL_USERNAME                 = var.kafka_sasl_username
      ELASTICSEARCH_URL                   = var.elasticsearch_url
      ELASTICSEARCH_USERNAME              = var.elasticsearch_username
      S3_BUCKET_NAME                      = var.s3_bucket_name
      S3_REGION                           = var.s3_region
      S3_ENDPOINT                         = var.s3_endpoint
      AWS_ACCESS_KEY_ID                   = var.s3_access_key_id
    },
    local.function_secret_settings,
  )

  depends_on = [azurerm_role_assignment.apps_secrets_user]
}
