variable "resource_group_name" {
  description = "Resource group to create."
  type        = string
}

variable "location" {
  description = "Azure region for every resource."
  type        = string
}

variable "name_prefix" {
  description = "Short prefix for resource names (lower-case letters and digits, 3-11 characters)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]{3,11}$", var.name_prefix))
    error_message = "name_prefix must be 3-11 lower-case letters or digits."
  }
}

variable "functions_plan_sku" {
  description = "Elastic Premium plan size."
  type        = string
  default     = "EP1"

  validation {
    condition     = contains(["EP1", "EP2", "EP3"], var.functions_plan_sku)
    error_message = "functions_plan_sku must be EP1, EP2 or EP3."
  }
}

variable "functions_minimum_instances" {
  description = "Instances kept warm by the Premium plan (the Kafka trigger needs at least one)."
  type        = number
  default     = 1
}

variable "functions_maximum_instances" {
  description = "Upper bound for scale-out; target-based scaling never exceeds the topic partition count anyway."
  type        = number
  default     = 20
}

variable "functions_image" {
  description = "Functions image (functions/Dockerfile) without registry, for example serverless-connect/functions."
  type        = string
}

variable "cdc_reader_image" {
  description = "cdc-reader image (cdc-reader/Dockerfile) without registry, for example serverless-connect/cdc-reader."
  type        = string
}

variable "image_tag" {
  description = "Tag of both images."
  type        = string
}

variable "container_registry_server" {
  description = "Login server of the registry holding both images; pulled with the user-assigned identity (grant it AcrPull)."
  type        = string
}

variable "kafka_bootstrap_servers" {
  description = "Kafka bootstrap servers (host:port,host:port)."
  type        = string
}

variable "kafka_security_protocol" {
  description = "Kafka security.protocol of the worker file; SASL_* adds the SASL username and password settings. The mechanism comes from the worker file."
  type        = string
  default     = "SASL_SSL"

  validation {
    condition     = contains(["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"], var.kafka_security_protocol)
    error_message = "kafka_security_protocol must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL."
  }
}

variable "kafka_credential_env_name" {
  description = "Environment variable the cdc-reader resolves the worker's SASL password reference from: $${secrets:NAME:KEY} reads SC_SECRET_NAME_KEY."
  type        = string
  default     = "SC_SECRET_KAFKA_USER_PASSWORD"
}

variable "kafka_sasl_username" {
  description = "Kafka SASL username (empty without SASL)."
  type        = string
  default     = ""
}

variable "kafka_sasl_password" {
  description = "Kafka SASL password; stored in Key Vault."
  type        = string
  default     = ""
  sensitive   = true
}

variable "elasticsearch_url" {
  description = "Elasticsearch URL(s) for connection.url."
  type        = string
}

variable "elasticsearch_username" {
  description = "Elasticsearch connection.username (empty for none)."
  type        = string
  default     = ""
}

variable "elasticsearch_password" {
  description = "Elasticsearch connection.password; stored in Key Vault."
  type        = string
  default     = ""
  sensitive   = true
}

variable "s3_bucket_name" {
  description = "S3 bucket for s3.bucket.name."
  type        = string
}

variable "s3_region" {
  description = "S3 region for s3.region."
  type        = string
}

variable "s3_endpoint" {
  description = "S3-compatible endpoint (store.url); empty for AWS S3."
  type        = string
  default     = ""
}

variable "s3_access_key_id" {
  description = "S3 access key id (aws.access.key.id)."
  type        = string
}

variable "s3_secret_access_key" {
  description = "S3 secret access key (aws.secret.access.key); stored in Key Vault."
  type        = string
  sensitive   = true
}

variable "elasticsearch_connector_name" {
  description = "Name of the Elasticsearch sink connector (metadata.name); its keys are overridden through <name>__<key> app settings."
  type        = string
  default     = "elasticsearch-sink"
}

variable "s3_connector_name" {
  description = "Name of the S3 sink connector (metadata.name)."
  type        = string
  default     = "s3-sink"
}

variable "function_trigger_settings" {
  description = "The trigger settings ./connect generate functions names in function.json: <connector>_ConsumerGroup and <function>_Topic."
  type        = map(string)
}

variable "postgres_password" {
  description = "PostgreSQL password of the replication user; given to the cdc-reader as $${secrets:postgres:password}."
  type        = string
  sensitive   = true
}

variable "cdc_connector_file" {
  description = "Path of the cdc-reader connector file (Strimzi KafkaConnector YAML for the PostgresConnector)."
  type        = string
  default     = "../../examples/connectors/postgres-source.yaml"
}

variable "worker_file" {
  description = "Path of the worker file (Strimzi KafkaConnect YAML); KAFKA_BOOTSTRAP_SERVERS overrides its bootstrapServers."
  type        = string
  default     = "../../examples/connectors/kafka-connect.yaml"
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
