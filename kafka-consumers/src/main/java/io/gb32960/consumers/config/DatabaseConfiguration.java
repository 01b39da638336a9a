package io.gb32960.consumers.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of the batch writers. The schema comes from the {@code sql} module (Flyway,
 * {@code classpath:db/migration}), migrated at start-up by Spring Boot before any writer runs.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /**
     * One transaction per batch, READ COMMITTED: inserts take no gap locks, so writers of different
     * vehicles do not block each other.
     */
    @Bean
    TransactionTemplate batchTransactions(PlatformTransactionManager transactions) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return tx;
    }
}
