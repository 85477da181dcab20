// Serverless.Connect on Azure: the sink Functions app (custom handler, Kafka trigger, target-based scaling on an
// Elastic Premium plan) and the cdc-reader as a single-replica Container App. Secrets live in Key Vault; both apps
// read them through one user-assigned identity. Deploy: az deployment group create -g RG -f main.bicep -p main.bicepparam

targetScope = 'resourceGroup'

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Short prefix for resource names (letters and digits, 3-11 characters).')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Elastic Premium plan size.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param functionsPlanSku string = 'EP1'

@description('Instances kept warm by the Premium plan (the Kafka trigger needs at least one).')
@minValue(1)
@maxValue(20)
param functionsMinimumInstances int = 1

@description('Upper bound for scale-out; target-based scaling never exceeds the topic partition count anyway.')
@minValue(1)
@maxValue(100)
param functionsMaximumInstances int = 20

@description('Functions image built from functions/Dockerfile, for example myregistry.azurecr.io/serverless-connect/functions:1.0.0.')
param functionsImage string

@description('cdc-reader image built from cdc-reader/Dockerfile, for example myregistry.azurecr.io/serverless-connect/cdc-reader:1.0.0.')
param cdcReaderImage string

@description('Login server of the registry that holds both images; pulled with the user-assigned identity (grant it AcrPull).')
param containerRegistryServer string

@description('Kafka bootstrap servers (host:port,host:port).')
param kafkaBootstrapServers string

@description('Kafka security.protocol of the worker file; SASL_* makes the SASL username and password app settings. The mechanism comes from the worker file.')
@allowed([
  'PLAINTEXT'
  'SSL'
  'SASL_PLAINTEXT'
  'SASL_SSL'
])
param kafkaSecurityProtocol string = 'SASL_SSL'

@description('Environment variable the cdc-reader resolves the worker\'s SASL password reference from: \${secrets:NAME:KEY} reads SC_SECRET_NAME_KEY.')
param kafkaCredentialEnvName string = 'SC_SECRET_KAFKA_USER_PASSWORD'

@description('Kafka SASL username (empty without SASL).')
param kafkaSaslUsername string = ''

@description('Kafka SASL password; stored in Key Vault.')
@secure()
param kafkaSaslPassword string = ''

@description('Elasticsearch URL(s) for connection.url.')
param elasticsearchUrl string

@description('Elasticsearch connection.username (empty for none).')
param elasticsearchUsername string = ''

@description('Elasticsearch connection.password; stored in Key Vault.')
@secure()
param elasticsearchPassword string = ''

@description('S3 bucket for s3.bucket.name.')
param s3BucketName string

@description('S3 region for s3.region.')
param s3Region string

@description('S3-compatible endpoint (store.url); empty for AWS S3.')
param s3Endpoint string = ''

@description('S3 access key id (aws.access.key.id).')
param s3AccessKeyId string

@description('S3 secret access key (aws.secret.access.key); stored in Key Vault.')
@secure()
param s3SecretAccessKey string

@description('Name of the Elasticsearch sink connector (metadata.name); its keys are overridden through <name>__<key> app settings.')
param elasticsearchConnectorName string = 'elasticsearch-sink'

@description('Name of the S3 sink connector (metadata.name).')
param s3ConnectorName string = 's3-sink'

@description('The trigger settings ./connect generate functions names in function.json: <connector>_ConsumerGroup and <function>_Topic.')
param functionTriggerSettings {*: string}

@description('PostgreSQL password of the replication user; stored in Key Vault and given to the cdc-reader as \${secrets:postgres:password}.')
@secure()
param postgresPassword string

@description('Text of the cdc-reader connector file (Strimzi KafkaConnector YAML for the PostgresConnector).')
param cdcConnectorYaml string

@description('Text of the worker file (Strimzi KafkaConnect YAML); KAFKA_BOOTSTRAP_SERVERS overrides its bootstrapServers.')
param workerYaml string

@description('Tags for every resource.')
param tags {*: string} = {}

var suffix = uniqueString(resourceGroup().id, namePrefix)
var storageName = toLower(take('${namePrefix}${suffix}', 24))
var keyVaultName = take('kv-${namePrefix}-${suffix}', 24)
var useSasl = startsWith(kafkaSecurityProtocol, 'SASL_')
// Key Vault Secrets User: read secret values, nothing else.
var keyVaultSecretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

var useKafkaSecret = useSasl && !empty(kafkaSaslPassword)
var useElasticsearchSecret = !empty(elasticsearchPassword)

resource logs 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: 'log-${namePrefix}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${namePrefix}-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: storageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${namePrefix}-${suffix}'
  location: location
  tags: tags
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
  }
}

resource postgresSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'postgres-password'
  properties: {
    value: postgresPassword
  }
}

resource s3Secret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 's3-secret-access-key'
  properties: {
    value: s3SecretAccessKey
  }
}

resource kafkaSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (useKafkaSecret) {
  parent: vault
  name: 'kafka-sasl-password'
  properties: {
    value: kafkaSaslPassword
  }
}

resource elasticsearchSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (useElasticsearchSecret) {
  parent: vault
  name: 'elasticsearch-password'
  properties: {
    value: elasticsearchPassword
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUserRole
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// App settings that hold Key Vault references (resolved by the platform with the user-assigned identity).
func keyVaultReference(secretUri string) string => '@Microsoft.KeyVault(SecretUri=${secretUri})'

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'plan-${namePrefix}-${suffix}'
  location: location
  tags: tags
  kind: 'elastic'
  sku: {
    tier: 'ElasticPremium'
    name: functionsPlanSku
  }
  properties: {
    reserved: true
    maximumElasticWorkerCount: functionsMaximumInstances
  }
}

// The handler's setting names (functions/README.md): connector keys are overridden by <connector>__<key>, where
// <connector> is the name with every character other than letters, digits and _ replaced by _.
var es = replace(replace(elasticsearchConnectorName, '-', '_'), '.', '_')
var s3 = replace(replace(s3ConnectorName, '-', '_'), '.', '_')

var plainSettings = union(
  functionTriggerSettings,
  {
    KafkaBootstrapServers: kafkaBootstrapServers
    KafkaUsername: useSasl ? kafkaSaslUsername : ''
    '${es}__connection.url': elasticsearchUrl
    '${s3}__s3.bucket.name': s3BucketName
    '${s3}__s3.region': s3Region
    '${s3}__aws.access.key.id': s3AccessKeyId
  },
  empty(elasticsearchUsername) ? {} : { '${es}__connection.username': elasticsearchUsername },
  empty(s3Endpoint) ? {} : { '${s3}__store.url': s3Endpoint }
)

// Key Vault references, resolved by the platform with the user-assigned identity.
var secretSettings = union(
  { '${s3}__aws.secret.access.key': keyVaultReference(s3Secret.properties.secretUri) },
  useKafkaSecret ? { KafkaPassword: keyVaultReference(kafkaSecret!.properties.secretUri) } : {},
  useElasticsearchSecret ? { '${es}__connection.password': keyVaultReference(elasticsearchSecret!.properties.secretUri) } : {}
)

var connectorSettings = map(items(union(plainSettings, secretSettings)), setting => {
  name: setting.key
  value: setting.value
})

resource functions 'Microsoft.Web/sites@2025-03-01' = {
  name: 'func-${namePrefix}-${suffix}'
  location: location
  tags: tags
  kind: 'functionapp,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOCKER|${functionsImage}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identity.properties.clientId
      // Without runtime scale monitoring a Premium plan cannot see Kafka lag and never scales out.
      functionsRuntimeScaleMonitoringEnabled: true
      minimumElasticInstanceCount: functionsMinimumInstances
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: concat(
        [
          {
            name: 'FUNCTIONS_EXTENSION_VERSION'
            value: '~4'
          }
          {
            name: 'FUNCTIONS_WORKER_RUNTIME'
            value: 'custom'
          }
          {
            name: 'AzureWebJobsStorage'
            value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storage.listKeys().keys[0].value}'
          }
          {
            name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
            value: insights.properties.ConnectionString
          }
          {
            name: 'DOCKER_REGISTRY_SERVER_URL'
            value: 'https://${containerRegistryServer}'
          }
          {
            name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE'
            value: 'false'
          }
        ],
        connectorSettings
      )
    }
  }
  dependsOn: [
    secretsUser
  ]
}

resource containerEnvironment 'Microsoft.App/managedEnvironments@2026-07-01' = {
  name: 'cae-${namePrefix}-${suffix}'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

// ${secrets:NAME:KEY} in the connector YAML resolves to the environment variable SC_SECRET_NAME_KEY.
var cdcSecretEnv = concat(
  [
    {
      name: 'SC_SECRET_POSTGRES_PASSWORD'
      secretRef: 'postgres-password'
    }
  ],
  useKafkaSecret
    ? [
        {
          name: kafkaCredentialEnvName
          secretRef: 'kafka-sasl-password'
        }
      ]
    : []
)

resource cdcReader 'Microsoft.App/containerApps@2026-07-01' = {
  name: 'ca-${namePrefix}-cdc'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: containerEnvironment.id
    configuration: {
      activeRevisionsMode: 'Single'
      registries: [
        {
          server: containerRegistryServer
          identity: identity.id
        }
      ]
      secrets: concat(
        [
          {
            name: 'postgres-password'
            keyVaultUrl: postgresSecret.properties.secretUri
            identity: identity.id
          }
          {
            name: 'connector-yaml'
            value: cdcConnectorYaml
          }
          {
            name: 'worker-yaml'
            value: workerYaml
          }
        ],
        useKafkaSecret
          ? [
              {
                name: 'kafka-sasl-password'
                keyVaultUrl: kafkaSecret!.properties.secretUri
                identity: identity.id
              }
            ]
          : []
      )
    }
    template: {
      containers: [
        {
          name: 'cdc-reader'
          image: cdcReaderImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(
            [
              {
                name: 'CDC_CONFIG'
                value: '/etc/serverless-connect/connectors'
              }
              {
                name: 'CDC_WORKER_CONFIG'
                value: '/etc/serverless-connect/worker/kafka-connect.yaml'
              }
              {
                name: 'CDC_HTTP_PORT'
                value: '8080'
              }
              {
                name: 'KAFKA_BOOTSTRAP_SERVERS'
                value: kafkaBootstrapServers
              }
              {
                name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
                value: insights.properties.ConnectionString
              }
            ],
            cdcSecretEnv
          )
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/health'
                port: 8080
              }
              periodSeconds: 10
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/health'
                port: 8080
              }
              periodSeconds: 20
              failureThreshold: 3
            }
          ]
          volumeMounts: [
            {
              volumeName: 'connectors'
              mountPath: '/etc/serverless-connect/connectors'
            }
            {
              volumeName: 'worker'
              mountPath: '/etc/serverless-connect/worker'
            }
          ]
        }
      ]
      volumes: [
        {
          name: 'connectors'
          storageType: 'Secret'
          secrets: [
            {
              secretRef: 'connector-yaml'
              path: 'postgres-source.yaml'
            }
          ]
        }
        {
          name: 'worker'
          storageType: 'Secret'
          secrets: [
            {
              secretRef: 'worker-yaml'
              path: 'kafka-connect.yaml'
            }
          ]
        }
      ]
      // Exactly one reader: PostgreSQL streams a replication slot to one connection at a time.
      scale: {
        minReplicas: 1
        maxReplicas: 1
      }
    }
  }
  dependsOn: [
    secretsUser
  ]
}

@description('Name of the Functions app.')
output functionAppName string = functions.name

@description('Name of the cdc-reader Container App.')
output cdcReaderAppName string = cdcReader.name

@description('Key Vault that holds the passwords.')
output keyVaultName string = vault.name

@description('Principal id of the identity the apps use (grant it AcrPull on the registry).')
output identityPrincipalId string = identity.properties.principalId
