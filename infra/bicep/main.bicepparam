// Example parameters for the seed's connectors. Secrets come from environment variables at deployment time
// (never commit them): KAFKA_SASL_PASSWORD, ELASTICSEARCH_PASSWORD, S3_SECRET_ACCESS_KEY, POSTGRES_PASSWORD.
using './main.bicep'

param namePrefix = 'sconnect'
param functionsImage = 'myregistry.azurecr.io/serverless-connect/functions:1.0.0'
param cdcReaderImage = 'myregistry.azurecr.io/serverless-connect/cdc-reader:1.0.0'
param containerRegistryServer = 'myregistry.azurecr.io'

param kafkaBootstrapServers = 'my-cluster-kafka-bootstrap.example.com:9093'
param kafkaSecurityProtocol = 'SASL_SSL'
param kafkaSaslUsername = 'serverless-connect'
param kafkaSaslPassword = readEnvironmentVariable('KAFKA_SASL_PASSWORD', '')

param elasticsearchUrl = 'https://elasticsearch.example.com:9200'
param elasticsearchUsername = 'serverless-connect'
param elasticsearchPassword = readEnvironmentVariable('ELASTICSEARCH_PASSWORD', '')

param s3BucketName = 'my-events-bucket'
param s3Region = 'us-east-1'
param s3AccessKeyId = 'AKIAEXAMPLE'
param s3SecretAccessKey = readEnvironmentVariable('S3_SECRET_ACCESS_KEY', '')

// The names in the generated functions/*/function.json for the seed connectors.
param functionTriggerSettings = {
  elasticsearch_sink_ConsumerGroup: 'connect-elasticsearch-sink'
  elasticsearch_sink_orders_Topic: 'orders'
  elasticsearch_sink_products_Topic: 'products'
  s3_sink_ConsumerGroup: 'connect-s3-sink'
  s3_sink_events_Topic: 'events'
}

param postgresPassword = readEnvironmentVariable('POSTGRES_PASSWORD', '')
param cdcConnectorYaml = loadTextContent('../../examples/connectors/postgres-source.yaml')
param workerYaml = loadTextContent('../../examples/connectors/kafka-connect.yaml')

param tags = {
  project: 'serverless-connect'
}
