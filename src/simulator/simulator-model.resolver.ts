import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { required } from '../shared/resolving';
import { Source } from '../sources/source.type';
import type { SimulatorModelService } from './simulator-model.service';
import { PerformancePrediction, PredictPerformanceInput } from './prediction.type';
import { CalibrationResult, SimulatorModel } from './simulator-model.type';

@Resolver()
export class SimulatorModelResolver {
  constructor(private readonly service: SimulatorModelService) {}

  @Query(() => SimulatorModel, {
    description:
      'The benchmark simulator’s model: version, parameters, and for every published target its simulated value and error.',
  })
  simulatorModel(): Promise<SimulatorModel> {
    return this.service.model();
  }

  @Query(() => PerformancePrediction, {
    description:
      'The performance model’s prediction for any configuration the knowledge base allows, computed on request ' +
      '(not read from stored runs); an impossible configuration is a BAD_USER_INPUT naming the field.',
  })
  predictPerformance(
    @Arg('input', () => PredictPerformanceInput, { description: 'The configuration.' })
    input: PredictPerformanceInput,
  ): Promise<PerformancePrediction> {
    return this.service.predict(input);
  }
}

@Resolver(() => CalibrationResult)
export class CalibrationResultResolver {
  @FieldResolver(() => Source, { description: 'The paper the published figure comes from.' })
  async source(@Root() result: CalibrationResult, @Ctx() ctx: Context): Promise<Source> {
    return required(
      await ctx.loaders.sourceById.load(result.sourceId),
      'source',
      `calibration target ${result.slug}`,
    );
  }
}
