output "resource_group_name" {
  description = "The resource group."
  value       = azurerm_resource_group.main.name
}

output "function_app_name" {
  description = "Name of the Functions app."
  value       = azurerm_linux_function_app.sinks.name
}

output "cdc_reader_app_name" {
  description = "Name of the cdc-reader Container App."
  value       = azurerm_container_app.cdc_reader.name
}

output "key_vault_name" {
  description = "Key Vault that holds the passwords."
  value       = azurerm_key_vault.main.name
}

output "identity_principal_id" {
  description = "Principal id of the identity the apps use (grant it AcrPull on the registry)."
  value       = azurerm_user_assigned_identity.apps.principal_id
}
