import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { required } from '../shared/resolving';
import { Source } from '../sources/source.type';
import type { SimulatorModelService } from './simulator-model.service';
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
